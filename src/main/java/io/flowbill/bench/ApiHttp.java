package io.flowbill.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The API as a client sees it over loopback: plain blocking HTTP/1.1, each client reading its own answers in its own
 * thread over a kept-alive connection (an asynchronous client hands every 16 KB of a page between threads, and on a
 * loaded machine those hand-overs, not the server, made most of a page's time), a bearer key per client. A walk's
 * request answers 200 with a body read whole, or is an error; its {@code next} is read from the body's end, where
 * the page puts it after its items.
 */
final class ApiHttp {

    private static final String NEXT = "\"next\":";
    private static final int TIMEOUT_MS = 60_000;

    private final String tenantUrl;

    /** {@code clients}: how many connections are kept alive (the JDK keeps 5 unless told, read once per JVM). */
    ApiHttp(int port, String tenant, int clients) {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", String.valueOf(Math.max(5, clients)));
        }
        this.tenantUrl = "http://127.0.0.1:" + port + "/api/v1/tenants/" + tenant;
    }

    /** GET {@code path?query} (after the tenant's URL) with {@code after} added, as {@code key}. */
    ApiLoad.Walk walk(String key, String pathAndQuery) {
        return after -> next(get(key, pathAndQuery + (after == null ? "" : "&after="
                + URLEncoder.encode(after, StandardCharsets.UTF_8))));
    }

    private String get(String key, String pathAndQuery) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(tenantUrl + pathAndQuery).toURL()
                .openConnection();
        connection.setConnectTimeout(TIMEOUT_MS);
        connection.setReadTimeout(TIMEOUT_MS);
        connection.setRequestProperty("Authorization", "Bearer " + key);
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + status + ": "
                        + body.substring(0, Math.min(200, body.length())));
            }
            return body;
        }
    }

    /** The last {@code "next":} of the body: a quoted cursor, or null. */
    static String next(String body) {
        int at = body.lastIndexOf(NEXT);
        if (at < 0 || body.startsWith("null", at + NEXT.length())) {
            return null;
        }
        int open = body.indexOf('"', at + NEXT.length());
        return body.substring(open + 1, body.indexOf('"', open + 1));
    }
}

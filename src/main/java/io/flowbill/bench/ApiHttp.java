package io.flowbill.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The API as a client sees it over loopback: one {@link HttpClient} (HTTP/1.1, a connection per client kept alive),
 * a bearer key per client. A walk's request answers 200 with a body read whole, or is an error; its {@code next} is
 * read from the body's end, where the page puts it after its items.
 */
final class ApiHttp implements AutoCloseable {

    private static final String NEXT = "\"next\":";

    private final ExecutorService answers = Executors.newFixedThreadPool(2);
    private final HttpClient http;
    private final String tenantUrl;

    ApiHttp(int port, String tenant) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(answers).build();
        this.tenantUrl = "http://127.0.0.1:" + port + "/api/v1/tenants/" + tenant;
    }

    /** GET {@code path?query} (after the tenant's URL) with {@code after} added, as {@code key}. */
    ApiLoad.Walk walk(String key, String pathAndQuery) {
        return after -> next(get(key, pathAndQuery + (after == null ? "" : "&after="
                + URLEncoder.encode(after, StandardCharsets.UTF_8))));
    }

    private String get(String key, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tenantUrl + pathAndQuery))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
        return response.body();
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

    @Override
    public void close() {
        answers.shutdownNow();
    }
}

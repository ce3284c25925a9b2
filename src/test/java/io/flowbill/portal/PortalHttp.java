package io.flowbill.portal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal as plain HTTP sees it, for what a browser hides: status codes, cookie attributes, a form posted without
 * its CSRF token. It keeps one session cookie, as a browser would, and never follows redirects.
 */
final class PortalHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;

    PortalHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** Posts the sign-in form with {@code key}, with the form's CSRF token or without one. */
    HttpResponse<String> signIn(String key, boolean withCsrf) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/portal/sign-in");
        Matcher token = CSRF.matcher(form.body());
        String body = "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        if (withCsrf && token.find()) {
            body += "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        }
        return send(request("/portal/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return session == null ? request : request.header("Cookie", "JSESSIONID=" + session);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(cookie -> {
            Matcher id = SESSION.matcher(cookie);
            if (id.lookingAt()) {
                session = id.group(1);
            }
        });
        return response;
    }
}

package io.flowbill.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client for tests: real HTTP against a sandbox, the static token by default. */
final class SandboxHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String authorization;

    SandboxHttp(SandboxServer server) {
        this(server.baseUrl(), "Token " + server.token());
    }

    private SandboxHttp(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same client with another {@code Authorization} header; null sends none. */
    SandboxHttp withAuthorization(String header) {
        return new SandboxHttp(base, header);
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json);
    }

    Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply send(String method, String path, String json) {
        try {
            return new Reply(CLIENT.send(request(method, path, json), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and answers the exception instead of a reply, for dropped connections. */
    IOException failure(String method, String path) {
        try {
            CLIENT.send(request(method, path, null), HttpResponse.BodyHandlers.ofString());
            return null;
        } catch (IOException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    /** One answer. */
    record Reply(int status, String body, HttpHeaders headers) {

        Reply(HttpResponse<String> response) {
            this(response.statusCode(), response.body(), response.headers());
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The error code of an error answer. */
        int code() {
            return json().get("code").intValue();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

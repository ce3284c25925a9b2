package io.flowbill.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the API's tests call it: every request goes through {@link #get}, so a credential (e.g. a bearer header) is
 * added here once for all of them.
 */
final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String bearer;

    ApiClient(int port) {
        this(port, null);
    }

    private ApiClient(int port, String bearer) {
        this.base = "http://127.0.0.1:" + port;
        this.bearer = bearer;
    }

    /** The same client sending {@code Authorization: Bearer <key>}. */
    ApiClient withBearer(String key) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), key);
    }

    /** GET {@code path} (from {@code /api/v1/...}) with extra headers as name, value pairs. */
    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET a JSON answer that must be 200. */
    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }

    static JsonNode parse(byte[] body) {
        return JSON.readTree(body);
    }

    /** A JSON document indented, keys as they came. */
    static byte[] pretty(byte[] body) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.readTree(body));
    }
}

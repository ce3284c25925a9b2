package io.flowbill.sandbox;

import java.util.Map;

/** One HTTP answer: status, body (empty for none) and extra headers. */
record HttpReply(int status, byte[] body, Map<String, String> headers) {

    private static final byte[] NO_BODY = new byte[0];

    HttpReply {
        headers = Map.copyOf(headers);
    }

    static HttpReply json(int status, Object value) {
        return new HttpReply(status, Json.write(value), Map.of());
    }

    static HttpReply empty(int status) {
        return new HttpReply(status, NO_BODY, Map.of());
    }

    static HttpReply error(ApiError error) {
        return json(error.status(), new WireJson.Error(error.code(), error.message()));
    }
}

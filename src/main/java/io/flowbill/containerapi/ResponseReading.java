package io.flowbill.containerapi;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;

/**
 * Turns an HTTP answer into an {@link Outcome} plus either the decoded value or the API's error body. An answer
 * that is not the JSON it should be (the document's own image example has a curly quote) is
 * {@link Outcome#INVALID_RESPONSE}, not a crash. Messages echoed by the server are scrubbed of the token.
 */
final class ResponseReading {

    private static final int MAX_MESSAGE = 300;

    private ResponseReading() {
    }

    /** The outcome and what goes with it: a value on success, the error body otherwise. */
    record Reading<T>(Outcome outcome, T value, ApiJson.Error error, String problem, Throwable cause) {
    }

    static <T> Reading<T> read(ApiCall<T> call, HttpResponse<byte[]> response, ApiToken token) {
        int status = response.statusCode();
        String secret = token == null ? null : token.value();
        if (status >= 200 && status < 300) {
            try {
                return new Reading<>(Outcome.SUCCESS, decode(call.responseType(), response.body()), null, null, null);
            } catch (JacksonException e) {
                String detail = Secrets.scrub(e.getOriginalMessage(), secret);
                return new Reading<>(Outcome.INVALID_RESPONSE, null, null, "unreadable answer: " + detail, null);
            }
        }
        ApiJson.Error error = error(response.body(), secret);
        return new Reading<>(classify(status, error.code()), null, error, null, null);
    }

    static Outcome classify(int status, Integer code) {
        if (status == 401) {
            return Outcome.UNAUTHORIZED;
        }
        if (status == 429 || (status == 403 && code != null && code == ContainerApiException.RATE_LIMITED)) {
            return Outcome.RATE_LIMITED;
        }
        if (status == 404 && code != null && code == ContainerApiException.NO_SUCH_CONTAINER) {
            return Outcome.NOT_FOUND;
        }
        return status >= 500 && status < 600 ? Outcome.SERVER_ERROR : Outcome.CLIENT_ERROR;
    }

    static <T> T decode(Class<T> type, byte[] body) {
        if (type == Void.class) {
            return null;
        }
        T value = body == null || body.length == 0 ? null : ApiJson.MAPPER.readValue(body, type);
        if (value == null) {
            throw new EmptyBody();
        }
        return value;
    }

    /** The {@code {"code", "message"}} body, or the start of a body that is not JSON as its message. */
    static ApiJson.Error error(byte[] body, String secret) {
        if (body == null || body.length == 0) {
            return new ApiJson.Error(null, null);
        }
        try {
            ApiJson.Error parsed = ApiJson.MAPPER.readValue(body, ApiJson.Error.class);
            if (parsed == null) {
                return new ApiJson.Error(null, null);
            }
            return new ApiJson.Error(parsed.code(), shorten(Secrets.scrub(parsed.message(), secret)));
        } catch (JacksonException notJson) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return new ApiJson.Error(null, shorten(Secrets.scrub(text, secret)));
        }
    }

    private static String shorten(String text) {
        if (text == null || text.length() <= MAX_MESSAGE) {
            return text;
        }
        return text.substring(0, MAX_MESSAGE) + "...";
    }

    /** A 2xx answer without the body its endpoint promises. */
    private static final class EmptyBody extends JacksonException {
        EmptyBody() {
            super("no body");
        }
    }
}

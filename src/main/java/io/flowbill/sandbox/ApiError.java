package io.flowbill.sandbox;

/**
 * The container API's error answers: an HTTP status and a 7-digit code (3-digit status, 2-digit service, 2-digit
 * detail), as listed in {@code docs/container-api.md}. The codes of 404 paths, 405, 429 and 503 are not documented; the sandbox
 * makes them up by the same scheme.
 */
public enum ApiError {
    INVALID_PARAMETERS(400, 4000001, "Invalid parameters"),
    UNAUTHORIZED(401, 4010001, "Unauthorized user"),
    FREQ_OUT_OF_LIMIT(403, 4030001, "Api freq out of limit"),
    NOT_FOUND(404, 4040001, "Resource not found"),
    NO_SUCH_CONTAINER(404, 4040002, "No such container"),
    METHOD_NOT_ALLOWED(405, 4050001, "Method not allowed"),
    DUPLICATE_CONTAINER_NAME(409, 4090001, "Duplicate container name"),
    TOO_MANY_REQUESTS(429, 4290001, "Too many requests"),
    SERVER_ERROR(500, 5000001, "Create container error"),
    SERVICE_UNAVAILABLE(503, 5030001, "Service unavailable");

    private final int status;
    private final int code;
    private final String message;

    ApiError(int status, int code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }
}

package io.flowbill.sandbox;

import java.util.Objects;

/** A request the container API refuses; the HTTP layer answers it as {@code {"code": ..., "message": ...}}. */
public final class SandboxApiException extends RuntimeException {

    private final ApiError error;

    public SandboxApiException(ApiError error, String detail) {
        super(Objects.requireNonNull(error, "error").message() + (detail == null ? "" : ": " + detail));
        this.error = error;
    }

    public ApiError error() {
        return error;
    }

    static SandboxApiException invalid(String detail) {
        return new SandboxApiException(ApiError.INVALID_PARAMETERS, detail);
    }

    static SandboxApiException noSuchContainer(long id) {
        return new SandboxApiException(ApiError.NO_SUCH_CONTAINER, "id=" + id);
    }
}

package io.flowbill.containerapi;

import java.util.Locale;

/** How one HTTP request ended; the {@code outcome} tag of {@code flowbill.api.requests}. */
enum Outcome {
    SUCCESS,
    CLIENT_ERROR,
    NOT_FOUND,
    UNAUTHORIZED,
    RATE_LIMITED,
    SERVER_ERROR,
    TIMEOUT,
    IO_ERROR,
    INVALID_RESPONSE;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}

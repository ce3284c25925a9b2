package io.flowbill.sandbox;

/** A failure the sandbox can inject instead of (or, for {@link #MALFORMED_FLOW}, into) an answer. */
public enum Fault {
    /** 500 with code 5000001. */
    SERVER_ERROR,
    /** 503 with code 5030001. */
    SERVICE_UNAVAILABLE,
    /** 429 with a {@code Retry-After} header in seconds (see {@link FaultSettings#retryAfterSeconds()}). */
    TOO_MANY_REQUESTS,
    /** 403 with code 4030001, the service's own rate-limit answer. */
    RATE_LIMITED,
    /** 401 with code 4010001 although the token is valid. */
    UNAUTHORIZED,
    /** The connection is closed without any answer. */
    DROP_CONNECTION,
    /** The flow endpoint answers 200 with malformed values; applies to {@link Endpoint#FLOW} only. */
    MALFORMED_FLOW
}

package io.flowbill.sandbox;

import java.util.Objects;

/**
 * The request rate one account of the sandbox may use, like a real cloud account's: at most {@code perSecond}
 * requests in any second (a sliding second, so a burst cannot borrow from the next one), counted per account after
 * its token is accepted; requests above it are refused and not counted. The seed API notes say the cloud's limit is
 * per user and answers 403 with code 4030001 ({@link Answer#FREQ_OUT_OF_LIMIT}, the default);
 * {@link Answer#TOO_MANY_REQUESTS} answers the HTTP way, 429 with {@code Retry-After: 1}. The client retries both, waiting at least the Retry-After.
 *
 * @param perSecond requests per second per account, 0 for no limit
 * @param answer    how a refused request is answered
 */
public record RequestLimit(int perSecond, Answer answer) {

    /** No limit. */
    public static final RequestLimit NONE = new RequestLimit(0, Answer.FREQ_OUT_OF_LIMIT);

    /** The most {@code perSecond} may be (the sandbox keeps that many instants per account). */
    public static final int MAX_PER_SECOND = 100_000;

    /** How a request above the limit is answered. */
    public enum Answer {
        /** The cloud's: 403 {@code {"code": 4030001, "message": "Api freq out of limit"}}, no Retry-After. */
        FREQ_OUT_OF_LIMIT,
        /** HTTP's: 429 {@code {"code": 4290001, ...}} with {@code Retry-After: 1}. */
        TOO_MANY_REQUESTS
    }

    public RequestLimit {
        Objects.requireNonNull(answer, "answer");
        if (perSecond < 0 || perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException("requests per second must be in [0, " + MAX_PER_SECOND + "], was "
                    + perSecond);
        }
    }

    public boolean limited() {
        return perSecond > 0;
    }
}

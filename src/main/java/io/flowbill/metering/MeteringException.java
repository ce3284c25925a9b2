package io.flowbill.metering;

/**
 * Something metering could not turn into usage, kept with the raw value so a person can act on it.
 *
 * @param kind     what went wrong (see {@link Kind})
 * @param rawValue what the API sent, when there was something
 * @param message  what was wrong and what to do
 */
public record MeteringException(Kind kind, String rawValue, String message) {

    /** The kinds of metering exception; their names are stored and exported in lower case. */
    public enum Kind {
        /** A status the status policy does not know: the hour is not billed until the policy learns it. */
        UNKNOWN_STATUS,
        /** A flow value that is not a valid quantity: traffic not counted, the hour's other usage is. */
        MALFORMED_FLOW,
        /** The flow could not be fetched after retries: the hour is billed without traffic, a later run tries again. */
        FLOW_UNAVAILABLE,
        /** The container was gone (404) before its flow for the window was fetched. */
        FLOW_GONE,
        /** Traffic above what the container's link carries in an hour: not billed until a plausible read. */
        IMPLAUSIBLE_FLOW,
        /** Hours between a container's last sighting and the scan that found it gone: billed only to the sighting. */
        LIFETIME_UNKNOWN,
        /**
         * A container id one API account of a tenant listed while another account of the same tenant has it (alive):
         * the first account keeps metering it, the second's listing is not billed.
         */
        CONTAINER_IN_TWO_ACCOUNTS,
        /** A container-day rating could not read or price (written by rating): the rest of the day is rated. */
        UNRATEABLE_DAY;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public MeteringException {
        if (kind == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a metering exception needs a kind and a message");
        }
        rawValue = RawValue.bounded(rawValue, 512);
        message = RawValue.bounded(message, 2000);
    }
}

package io.flowbill.api;

/** The {@code limit} of a list: how many items a page holds, {@value #DEFAULT} unless asked, at most {@value #MAX}. */
public final class Limit {

    public static final int DEFAULT = 100;
    public static final int MAX = 1_000;

    private Limit() {
    }

    /** The limit asked for, checked; the default when none was given. */
    public static int of(Integer asked) {
        if (asked == null) {
            return DEFAULT;
        }
        if (asked < 1 || asked > MAX) {
            throw new BadParameterException("limit", "'limit' must be between 1 and " + MAX + ", was " + asked
                    + ": ask for at most " + MAX + " items and follow 'next' for the rest");
        }
        return asked;
    }
}

package io.flowbill.pricing;

/** How the active seconds of one clock hour become billable time. */
public enum HourRounding {

    /** A clock hour with any active second counts whole (docs/billing-rules.md: a partial hour counts as a whole hour). */
    CEIL {
        @Override
        public long billableSeconds(int activeSeconds) {
            return activeSeconds > 0 ? SECONDS_PER_HOUR : 0;
        }
    },

    /** A clock hour counts as its active seconds / 3600 (docs/billing-rules.md, "Hour rounding": EXACT). */
    EXACT {
        @Override
        public long billableSeconds(int activeSeconds) {
            return activeSeconds;
        }
    };

    /** Seconds in a clock hour: billable seconds over this give billable hours. */
    public static final long SECONDS_PER_HOUR = 3600;

    /** The billable seconds of an hour with the given active seconds (0..3600). */
    public abstract long billableSeconds(int activeSeconds);
}

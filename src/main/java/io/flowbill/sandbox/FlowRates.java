package io.flowbill.sandbox;

/**
 * A container's base traffic rates in units of 0.001 MB per second at rhythm weight 1, derived from (seed, id).
 * About one container in ten is idle; downstream is usually larger than upstream; a few are heavy. At the mean
 * rhythm weight (about 4.3) one unit is about 11 GB a month: most containers move 10 to 200 GB a month, a few TBs.
 *
 * @param up   upstream rate, 0.001 MB/s
 * @param down downstream rate, 0.001 MB/s
 */
record FlowRates(long up, long down) {

    static final FlowRates IDLE = new FlowRates(0, 0);

    FlowRates {
        if (up < 0 || down < 0) {
            throw new IllegalArgumentException("rates cannot be negative");
        }
    }

    /**
     * These rates capped so that at the rhythm's highest weight ({@link DailyRhythm#MAX_WEIGHT}) neither direction
     * exceeds a link of {@code mbps} (1 Mbps = 125,000 bytes/s); null means no cap.
     */
    FlowRates withinLink(Integer mbps) {
        if (mbps == null) {
            return this;
        }
        long cap = mbps * 125_000_000L / 1_048_576L / DailyRhythm.MAX_WEIGHT;
        return up <= cap && down <= cap ? this : new FlowRates(Math.min(up, cap), Math.min(down, cap));
    }

    static FlowRates of(long seed, long id) {
        long h = Mix.hash(seed, id, 0x5EED_F10L);
        int kind = Mix.below(h, 100);
        if (kind < 10) {
            return IDLE;
        }
        long h2 = Mix.hash(seed, id, 0xF10_2L);
        long down;
        if (kind < 50) {
            down = 1 + Mix.below(h2, 3);
        } else if (kind < 85) {
            down = 3 + Mix.below(h2, 18);
        } else if (kind < 96) {
            down = 20 + Mix.below(h2, 181);
        } else {
            down = 200 + Mix.below(h2, 801);
        }
        long h3 = Mix.hash(seed, id, 0xF10_3L);
        int percent = Mix.below(h3, 100) < 85 ? 5 + Mix.below(h3 >>> 8, 56) : 100 + Mix.below(h3 >>> 8, 201);
        long up = Math.max(1, down * percent / 100);
        return new FlowRates(up, down);
    }
}

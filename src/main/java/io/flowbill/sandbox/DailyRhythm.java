package io.flowbill.sandbox;

/**
 * The daily traffic rhythm: an integer weight per hour, low at night and high in the evening in Asia/Shanghai
 * (UTC+8). A container transfers {@code rate x weight} per second, so weighted time is all the flow model needs.
 */
final class DailyRhythm {

    static final long HOUR_MS = 3_600_000L;
    static final long DAY_MS = 24 * HOUR_MS;

    /** Weights by Shanghai local hour 0..23. */
    private static final int[] LOCAL_WEIGHTS = {3, 2, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 4, 5, 5, 5, 5, 5, 6, 7, 8, 8, 7, 5};
    private static final int SHANGHAI_OFFSET_HOURS = 8;
    /** The highest weight of any hour. */
    static final int MAX_WEIGHT = 8;
    private static final long DAY_WEIGHT_MS;

    static {
        long sum = 0;
        for (int weight : LOCAL_WEIGHTS) {
            sum += weight;
        }
        DAY_WEIGHT_MS = sum * HOUR_MS;
    }

    private DailyRhythm() {
    }

    /** The weight of a UTC hour of day. */
    static int weight(int utcHour) {
        return LOCAL_WEIGHTS[(utcHour + SHANGHAI_OFFSET_HOURS) % 24];
    }

    /**
     * The sum over [fromMs, toMs) of weight x milliseconds: exact and additive, in O(48) steps whatever the length
     * (whole UTC days count at once).
     */
    static long weightedMillis(long fromMs, long toMs) {
        long total = 0;
        long t = fromMs;
        while (t < toMs) {
            if (Math.floorMod(t, DAY_MS) == 0 && toMs - t >= DAY_MS) {
                long days = (toMs - t) / DAY_MS;
                total = Math.addExact(total, Math.multiplyExact(days, DAY_WEIGHT_MS));
                t += days * DAY_MS;
                continue;
            }
            long hourEnd = Math.floorDiv(t, HOUR_MS) * HOUR_MS + HOUR_MS;
            long end = Math.min(hourEnd, toMs);
            int utcHour = (int) Math.floorMod(Math.floorDiv(t, HOUR_MS), 24L);
            total = Math.addExact(total, weight(utcHour) * (end - t));
            t = end;
        }
        return total;
    }
}

package io.flowbill.sandbox;

/** SplitMix64 hashing: per-container values derived from (seed, id, salt) without storing them. */
final class Mix {

    private Mix() {
    }

    static long hash(long seed, long id, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + id * 0xC2B2AE3D27D4EB4FL + salt * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A value in [0, bound) from a hash. */
    static int below(long hash, int bound) {
        return (int) Math.floorMod(hash, (long) bound);
    }
}

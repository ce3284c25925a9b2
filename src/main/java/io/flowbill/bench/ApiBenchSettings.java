package io.flowbill.bench;

/**
 * What {@code bench --api} measures ({@link BenchCommand} reads the options): a tenant of {@code containers}
 * containers, {@code clients} concurrent clients, each phase measured for {@code seconds} after a warm-up of up to 5
 * seconds; the database as for {@link BenchSettings}.
 */
record ApiBenchSettings(int containers, int clients, int seconds, String databaseUrl, String databaseUser,
        String databasePassword) {

    ApiBenchSettings {
        if (containers < 1 || clients < 1 || seconds < 1) {
            throw new IllegalArgumentException("with --api, --containers (one size), --clients and --seconds must be at"
                    + " least 1");
        }
    }

    int warmUpSeconds() {
        return Math.min(5, seconds);
    }
}

package io.flowbill.bench;

/**
 * What {@code bench} measures ({@link BenchCommand} reads the options). The database comes from
 * {@code SPRING_DATASOURCE_URL} (and user, password, the password also from a
 * {@code SPRING_CONFIG_IMPORT=configtree:DIR/} file) or {@code --spring.datasource.url=...}; with none an embedded
 * PostgreSQL is used.
 */
record BenchSettings(int containers, int latencyMs, int concurrency, Part only, String databaseUrl,
        String databaseUser, String databasePassword) {

    /** The parts {@code --only} can pick; all run by default. */
    enum Part {
        ALL, METERING, RATING
    }

    BenchSettings {
        if (containers < 1 || latencyMs < 0 || concurrency < 1) {
            throw new IllegalArgumentException("--containers and --concurrency must be at least 1, --latency-ms at least 0");
        }
    }

    boolean runs(Part part) {
        return only == Part.ALL || only == part;
    }
}

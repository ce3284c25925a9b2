package io.flowbill.bench;

import java.util.List;

/**
 * What {@code bench} measures ({@link BenchCommand} reads the options): each fleet size of {@code containers} in
 * turn, every figure {@code repeat} times, the rating day after {@code historyDays} earlier days of its month. The
 * database comes from {@code SPRING_DATASOURCE_URL} (and user, password, the password also from a
 * {@code SPRING_CONFIG_IMPORT=configtree:DIR/} file) or {@code --spring.datasource.url=...}; with none an embedded
 * PostgreSQL is used.
 */
record BenchSettings(List<Integer> containers, int latencyMs, int concurrency, Part only, int repeat, int historyDays,
        String databaseUrl, String databaseUser, String databasePassword) {

    /** The most earlier days a month can hold before its last day. */
    static final int MAX_HISTORY_DAYS = 30;

    /** The parts {@code --only} can pick; all run by default. */
    enum Part {
        ALL, METERING, RATING
    }

    BenchSettings {
        containers = List.copyOf(containers);
        if (containers.isEmpty() || containers.stream().anyMatch(n -> n < 1) || latencyMs < 0 || concurrency < 1) {
            throw new IllegalArgumentException("--containers (each size of the list) and --concurrency must be at least"
                    + " 1, --latency-ms at least 0");
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, was " + repeat);
        }
        if (historyDays < 0 || historyDays > MAX_HISTORY_DAYS) {
            throw new IllegalArgumentException("--history-days must be between 0 and " + MAX_HISTORY_DAYS
                    + " (the earlier days of the rated day's month), was " + historyDays);
        }
    }

    boolean runs(Part part) {
        return only == Part.ALL || only == part;
    }
}

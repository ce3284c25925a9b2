package io.flowbill.bench;

import java.util.List;

/**
 * What {@code bench --accounts M [--workers W] [--account-rps R]} measures: M accounts, each limited by the API to
 * R requests a second, metering one window of {@code containers} containers each, in this process
 * ({@code workers} 0) or through a manager and W worker processes ({@code worker}, Spring Batch remote partitioning
 * over RabbitMQ: {@code spring.rabbitmq.*} from the environment or {@code springProperties}).
 */
record AccountsBenchSettings(int accounts, int workers, int accountRps, int containers, int repeat,
        String databaseUrl, String databaseUser, String databasePassword, List<String> springProperties) {

    static final int DEFAULT_ACCOUNT_RPS = 100;

    AccountsBenchSettings {
        springProperties = List.copyOf(springProperties);
        if (accounts < 1 || accounts > 1_000) {
            throw new IllegalArgumentException("--accounts must be between 1 and 1000, was " + accounts);
        }
        if (workers < 0 || workers > 64) {
            throw new IllegalArgumentException("--workers must be between 0 (this process alone) and 64, was " + workers);
        }
        if (accountRps < 1) {
            throw new IllegalArgumentException("--account-rps must be at least 1, was " + accountRps);
        }
        if (containers < 1 || repeat < 1) {
            throw new IllegalArgumentException("--containers and --repeat must be at least 1");
        }
    }

    /** What the API allows all accounts together: the bound metering can at best reach. */
    int idealCallsPerSecond() {
        return accounts * accountRps;
    }

    /** The {@code --spring.rabbitmq.*=...} arguments, for the manager and every worker. */
    List<String> rabbitProperties() {
        return springProperties.stream().filter(p -> p.startsWith("--spring.rabbitmq.")).toList();
    }
}

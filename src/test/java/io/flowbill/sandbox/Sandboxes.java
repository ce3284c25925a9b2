package io.flowbill.sandbox;

import java.time.Duration;
import java.time.Instant;

/** Named sandbox fixtures shared by the tests. */
final class Sandboxes {

    /** A Wednesday at midnight UTC (08:00 in Shanghai). */
    static final Instant NOW = Instant.parse("2017-03-01T00:00:00Z");
    static final long SEED = 42;
    static final String APP_KEY = "test-key";
    static final String APP_SECRET = "test-secret";

    private Sandboxes() {
    }

    /** 300 containers, seed 42, a clock standing at {@link #NOW}, 20 s provisioning, 10 s deletion. */
    static SandboxConfig smallFleet() {
        return SandboxConfig.defaults()
                .withContainers(300)
                .withSeed(SEED)
                .withThreads(16)
                .withClock(SandboxClock.fixed(NOW))
                .withCredentials(APP_KEY, APP_SECRET)
                .withProvisioningTime(Duration.ofSeconds(20))
                .withDeletionTime(Duration.ofSeconds(10));
    }

    /** A create body for an on-demand container charged by bandwidth. */
    static String byBandwidth(String name, int bandwidth) {
        return """
                {"charge_type": 2, "spec_id": 10, "image_type": 1, "image_id": 10005, "name": "%s",
                 "desc": "d", "ssh_key_ids": [1, 2], "env_var": {"key": "value"},
                 "use_public_network": 1, "network_charge_type": 1, "bandwidth": %d}
                """.formatted(name, bandwidth);
    }
}

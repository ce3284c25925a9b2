package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class FleetAnchorTest {

    static final Instant ANCHOR = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aFixedAnchorGivesTheSameFleetWhateverTheStartTime() {
        List<Container> early = fleetStartedAt(Instant.parse("2026-11-05T10:00:00Z"));
        List<Container> late = fleetStartedAt(Instant.parse("2026-11-26T18:00:00Z"));

        assertThat(late).extracting(Container::id).containsExactlyElementsOf(early.stream().map(Container::id).toList());
        assertThat(late).extracting(Container::createdAt)
                .containsExactlyElementsOf(early.stream().map(Container::createdAt).toList())
                .allMatch(created -> created.isBefore(ANCHOR));
    }

    private static List<Container> fleetStartedAt(Instant now) {
        try (SandboxServer server = SandboxServer.start(SandboxConfig.defaults().withContainers(40).withSeed(3)
                .withClock(SandboxClock.fixed(now)).withFleetAnchor(ANCHOR))) {
            return server.fleet().list();
        }
    }
}

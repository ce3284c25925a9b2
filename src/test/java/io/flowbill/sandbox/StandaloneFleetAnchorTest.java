package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Two standalone sandboxes, options parsed as the command parses them, started at different wall-clock times. */
class StandaloneFleetAnchorTest {

    static final String ANCHOR = "2026-11-01T00:00:00Z";
    static final Instant FIRST_START = Instant.parse("2026-11-05T10:00:00Z");
    static final Instant SECOND_START = Instant.parse("2026-11-26T18:30:00Z");

    @Test
    void sameFleetAnchorAndSeedServeTheSameContainerListAtDifferentStartTimes() {
        List<JsonNode> first = containersServed(FIRST_START, "--seed", "7", "--fleet-anchor", ANCHOR);
        List<JsonNode> second = containersServed(SECOND_START, "--seed", "7", "--fleet-anchor", ANCHOR);

        assertThat(first).hasSize(150);
        assertThat(second).as("the list served by a sandbox started three weeks later").isEqualTo(first);
        assertThat(first).allSatisfy(c -> assertThat(Instant.parse(c.get("created_at").stringValue()))
                .isBefore(Instant.parse(ANCHOR)));
    }

    @Test
    void withoutAFleetAnchorEachStartServesAnotherFleet() {
        List<JsonNode> first = containersServed(FIRST_START, "--seed", "7");
        List<JsonNode> second = containersServed(SECOND_START, "--seed", "7");

        assertThat(second).extracting(c -> c.get("created_at"))
                .doesNotContainAnyElementsOf(first.stream().map(c -> c.get("created_at")).toList());
    }

    @Test
    void anchorAfterTheStartTimeIsRefused() {
        assertThatThrownBy(() -> parse(FIRST_START, "--fleet-anchor", "2026-12-01T00:00:00Z"))
                .hasMessageContaining("--fleet-anchor 2026-12-01T00:00:00Z is after the start time");
        assertThatThrownBy(() -> parse(FIRST_START, "--fleet-anchor", "2026-11-01"))
                .hasMessageContaining("--fleet-anchor expects an instant like 2026-11-01T00:00:00Z");
    }

    private static List<JsonNode> containersServed(Instant start, String... options) {
        try (SandboxServer sandbox = SandboxServer.start(parse(start, options))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            List<JsonNode> containers = new ArrayList<>();
            int total;
            do {
                JsonNode page = http.get("/api/v1/containers?limit=30&offset=" + containers.size()).json();
                total = page.get("total").intValue();
                page.get("containers").forEach(containers::add);
            } while (containers.size() < total);
            return containers;
        }
    }

    private static SandboxConfig parse(Instant start, String... options) {
        String[] args = Stream.concat(Stream.of("--port", "0", "--containers", "150"), Stream.of(options))
                .toArray(String[]::new);
        return SandboxOptions.parse(args, SandboxMain.standaloneDefaults().withClock(SandboxClock.fixed(start)));
    }
}

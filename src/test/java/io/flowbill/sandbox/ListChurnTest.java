package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class ListChurnTest {

    private SandboxServer sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(Sandboxes.smallFleet().withContainers(200));
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void pagingWhileTheListChurnsMissesContainersThatExistedThroughout() {
        List<Long> before = ids(sandbox.fleet().list());
        sandbox.faults().listChurn(2);

        List<Long> seen = pageThrough();

        Set<Long> after = new HashSet<>(ids(sandbox.fleet().list()));
        List<Long> missed = before.stream().filter(after::contains).filter(id -> !seen.contains(id)).toList();
        assertThat(missed).as("containers skipped because earlier ones vanished").isNotEmpty();
        assertThat(before).as("some containers were deleted").anyMatch(id -> !after.contains(id));
        assertThat(seen).as("new containers appear at the end").anyMatch(id -> id > before.get(before.size() - 1));
    }

    @Test
    void withoutChurnPagingSeesEachContainerOnce() {
        List<Long> before = ids(sandbox.fleet().list());

        assertThat(pageThrough()).containsExactlyElementsOf(before);
    }

    private List<Long> pageThrough() {
        List<Long> seen = new ArrayList<>();
        int offset = 0;
        while (true) {
            JsonNode page = http.get("/api/v1/containers?limit=30&offset=" + offset).json();
            JsonNode containers = page.get("containers");
            containers.forEach(c -> seen.add(c.get("id").longValue()));
            offset += containers.size();
            if (containers.isEmpty() || offset >= page.get("total").intValue()) {
                return seen;
            }
        }
    }

    private static List<Long> ids(List<Container> containers) {
        return containers.stream().map(Container::id).toList();
    }
}

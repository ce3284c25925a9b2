package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void concurrentFlowCallsAllSucceedAndTheRateIsPrinted() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(Sandboxes.smallFleet().withContainers(10_000))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            List<Long> ids = sandbox.fleet().page(0, 1000).containers().stream().map(Container::id).toList();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 2; round++) {
                    long started = System.nanoTime();
                    List<Future<Integer>> calls = new ArrayList<>();
                    for (int i = 0; i < 2000; i++) {
                        long id = ids.get(i % ids.size());
                        calls.add(clients.submit(() -> http.get("/api/v1/containers/" + id + "/flow").status()));
                    }
                    for (Future<Integer> call : calls) {
                        assertThat(call.get()).isEqualTo(200);
                    }
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    System.out.printf("round %d: 2000 flow calls in %d ms = %.0f/s%n", round, took.toMillis(),
                            2000 / (took.toNanos() / 1e9));
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(sandbox.stats().requests(Endpoint.FLOW)).isEqualTo(4000);
        }
    }
}

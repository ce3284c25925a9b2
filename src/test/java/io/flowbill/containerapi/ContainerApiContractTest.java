package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.FlowFormat;
import io.flowbill.sandbox.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The client against the sandbox over real HTTP: every endpoint, and the answers of a well-behaved API.
 * Validation errors: {@link ContainerApiValidationContractTest}; tokens: {@link ContainerApiAuthContractTest};
 * faults: {@link ContainerApiFaultContractTest}.
 */
class ContainerApiContractTest {

    private static final Instant DAY_START = ContractSandbox.NOW.minus(Duration.ofDays(1));

    private SandboxServer sandbox;
    private ContainerApiClient client;

    @BeforeEach
    void start() {
        sandbox = ContractSandbox.start();
        client = new ContainerApiClient(ContractSandbox.settings(sandbox), new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void listsImages() {
        ContainerImages images = client.images();

        assertThat(images.publicImages()).isNotEmpty().allSatisfy(i -> assertThat(i.id()).isPositive());
    }

    @Test
    void pagesThroughTheWholeFleet() {
        ContainerPage first = client.list(30, 0);
        List<Container> all = client.listAll();

        assertThat(first.total()).isEqualTo(120);
        assertThat(first.containers()).hasSize(30);
        assertThat(all).extracting(Container::id)
                .containsExactlyElementsOf(sandbox.fleet().list().stream().map(io.flowbill.sandbox.Container::id).toList());
        assertThat(all).allSatisfy(c -> {
            assertThat(c.createdAt()).as("container=%s", c.id()).isNotNull();
            assertThat(c.status()).as("container=%s", c.id()).isNotNull();
        });
    }

    @Test
    void getsAContainerAsTheListShowsIt() {
        Container listed = client.list(1, 5).containers().get(0);

        Container detail = client.get(listed.id());

        assertThat(detail).isEqualTo(listed);
    }

    @Test
    void createsModifiesRestartsSavesAndDeletesAContainer() {
        long id = client.create(CreateContainerRequest.onDemand(10, 1, 10005, "contract-web", 1, 20));
        assertThat(client.get(id).status()).isEqualTo(ContainerStatus.CREATING);
        sandbox.clock().advance(Duration.ofSeconds(20));
        assertThat(client.get(id).status()).isEqualTo(ContainerStatus.CREATE_SUCC);

        client.modify(id, new ModifyContainerRequest(null, "now with a description", null, 50));
        Container modified = client.get(id);
        assertThat(modified.desc()).isEqualTo("now with a description");
        assertThat(modified.bandwidth()).isEqualTo(50);
        assertThat(modified.status().operation()).isEqualTo(ContainerStatus.Operation.UPDATE);

        client.restart(id);
        assertThat(client.get(id).status().value()).isEqualTo("restart_succ");

        String imageId = client.saveAsImage(id, "cluster", "1.2.6");
        assertThat(imageId).isNotBlank();
        assertThat(client.images().customImages()).extracting(i -> String.valueOf(i.id())).contains(imageId);

        client.delete(id);
        assertThat(client.get(id).status().operation()).isEqualTo(ContainerStatus.Operation.DELETE);
        sandbox.clock().advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> client.get(id)).isInstanceOf(ContainerNotFoundException.class);
    }

    @Test
    void reportsAMissingContainerAsNotFoundOnEveryEndpoint() {
        long missing = 987_654_321L;

        assertThatThrownBy(() -> client.get(missing)).isInstanceOf(ContainerNotFoundException.class);
        assertThatThrownBy(() -> client.flow(missing, null, null)).isInstanceOf(ContainerNotFoundException.class);
        assertThatThrownBy(() -> client.delete(missing)).isInstanceOf(ContainerNotFoundException.class);
        assertThatThrownBy(() -> client.restart(missing)).isInstanceOf(ContainerNotFoundException.class);
        assertThatThrownBy(() -> client.modify(missing, new ModifyContainerRequest(null, "d", null, null)))
                .isInstanceOfSatisfying(ContainerNotFoundException.class,
                        e -> assertThat(e.containerId()).isEqualTo(missing));
    }

    @Test
    void readsFlowsExactlyAsTheModelHasThem() {
        for (Container c : client.list(30, 0).containers()) {
            ContainerFlow flow = client.flow(c.id(), DAY_START, ContractSandbox.NOW);
            var expected = sandbox.flowModel().flow(c.id(), DAY_START, ContractSandbox.NOW);

            assertThat(flow.upMegabytes(1024)).as("container=%s up='%s'", c.id(), flow.upFlow())
                    .isEqualByComparingTo(expected.upMb());
            assertThat(flow.downMegabytes(1024)).as("container=%s down='%s'", c.id(), flow.downFlow())
                    .isEqualByComparingTo(expected.downMb());
        }
    }

    @Test
    void readsLifetimeFlowsInTheMixedUnitsOfTheRealServiceExactly() {
        try (SandboxServer mixed = SandboxServer.start(ContractSandbox.config().withFlowFormat(FlowFormat.MIXED));
                ContainerApiClient mixedClient = new ContainerApiClient(ContractSandbox.settings(mixed),
                        new SimpleMeterRegistry())) {
            List<Long> ids = mixed.fleet().list().stream().map(io.flowbill.sandbox.Container::id).toList();
            List<CompletableFuture<ContainerFlow>> flows = ids.stream()
                    .map(id -> mixedClient.flowAsync(id, null, null)).toList();

            List<String> raw = flows.stream().map(f -> f.join().upFlow()).toList();
            assertThat(raw).as("the fleet exercises several units").anyMatch(r -> r.endsWith("GB"))
                    .anyMatch(r -> r.endsWith("MB")).contains("0.00B");
            for (int i = 0; i < ids.size(); i++) {
                ContainerFlow flow = flows.get(i).join();
                BigDecimal expected = mixed.flowModel().lifetimeFlow(ids.get(i)).upMb();
                assertThat(FlowAmount.parse(flow.upFlow()).megabytes())
                        .as("container=%s up='%s'", ids.get(i), flow.upFlow()).isEqualByComparingTo(expected);
            }
        }
    }

    @Test
    void sendsFlowBoundsInMillisecondsWhenBothSidesSaySo() {
        try (SandboxServer millis = SandboxServer.start(ContractSandbox.config()
                        .withTimeUnit(io.flowbill.sandbox.FlowTimeUnit.MILLISECONDS));
                ContainerApiClient millisClient = new ContainerApiClient(ContractSandbox.settings(millis)
                        .withFlowTimeUnit(FlowTimeUnit.MILLISECONDS), new SimpleMeterRegistry())) {
            long id = millis.fleet().list().get(0).id();
            Instant from = DAY_START.plusMillis(1500);

            ContainerFlow flow = millisClient.flow(id, from, ContractSandbox.NOW);

            assertThat(flow.upMegabytes(1024))
                    .isEqualByComparingTo(millis.flowModel().flow(id, from, ContractSandbox.NOW).upMb());
        }
    }

    @Test
    void countsEveryRequestTheSandboxSaw() {
        client.list(30, 0);
        client.flow(client.list(1, 0).containers().get(0).id(), null, null);

        assertThat(client.stats().requests()).isEqualTo(sandbox.stats().totalRequests()).isEqualTo(3);
    }
}

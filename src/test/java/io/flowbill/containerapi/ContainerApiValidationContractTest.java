package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.flowbill.sandbox.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Each validation error of the sandbox reaches the caller as 4000001 with the API's message, asked once. */
class ContainerApiValidationContractTest {

    private SandboxServer sandbox;
    private ContainerApiClient client;
    private long existing;

    @BeforeEach
    void start() {
        sandbox = ContractSandbox.start();
        client = new ContainerApiClient(ContractSandbox.settings(sandbox), new SimpleMeterRegistry());
        existing = sandbox.fleet().list().get(0).id();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private static CreateContainerRequest create(Integer charge, Integer spec, Integer imageType, Long image, String name,
            Integer usePublic, Integer network, Integer bandwidth) {
        return new CreateContainerRequest(charge, spec, imageType, image, name, null, null, null, usePublic, network,
                bandwidth);
    }

    /** A call that the API must refuse, and a word of the message it refuses it with. */
    static Stream<Arguments> invalidCalls() {
        return Stream.of(
                refused("create without charge_type", "charge_type", (c, id) -> c.create(create(null, 10, 1, 10005L, "a", null, null, null))),
                refused("create with charge_type 3", "charge_type", (c, id) -> c.create(create(3, 10, 1, 10005L, "a", null, null, null))),
                refused("create with unknown spec", "spec_id", (c, id) -> c.create(create(1, 7, 1, 10005L, "a", null, null, null))),
                refused("create with image_type 3", "image_type", (c, id) -> c.create(create(1, 10, 3, 10005L, "a", null, null, null))),
                refused("create without image", "image_id", (c, id) -> c.create(create(1, 10, 1, null, "a", null, null, null))),
                refused("create with unknown image", "image", (c, id) -> c.create(create(1, 10, 1, 999_999L, "a", null, null, null))),
                refused("create without name", "name", (c, id) -> c.create(create(1, 10, 1, 10005L, " ", null, null, null))),
                refused("on demand without use_public_network", "use_public_network",
                        (c, id) -> c.create(create(2, 10, 1, 10005L, "a", null, null, null))),
                refused("on demand public without network_charge_type", "network_charge_type",
                        (c, id) -> c.create(create(2, 10, 1, 10005L, "a", 1, null, null))),
                refused("by bandwidth without bandwidth", "bandwidth",
                        (c, id) -> c.create(create(2, 10, 1, 10005L, "a", 1, 1, null))),
                refused("bandwidth 0", "bandwidth", (c, id) -> c.create(create(2, 10, 1, 10005L, "a", 1, 1, 0))),
                refused("bandwidth 101", "bandwidth", (c, id) -> c.create(create(2, 10, 1, 10005L, "a", 1, 1, 101))),
                refused("modify nothing", "nothing", (c, id) -> c.modify(id, new ModifyContainerRequest(null, null, null, null))),
                refused("modify bandwidth 200", "bandwidth", (c, id) -> c.modify(id, new ModifyContainerRequest(null, null, null, 200))),
                refused("modify charge_type 5", "charge_type", (c, id) -> c.modify(id, new ModifyContainerRequest(5, null, null, null))),
                refused("list limit 0", "limit", (c, id) -> c.list(0, 0)),
                refused("list limit 31", "limit", (c, id) -> c.list(31, 0)),
                refused("list offset -1", "offset", (c, id) -> c.list(30, -1)),
                refused("flow from after to", "from_time", (c, id) -> c.flow(id, ContractSandbox.NOW, ContractSandbox.NOW.minusSeconds(60))),
                refused("tag without repo_name", "repo_name", (c, id) -> c.saveAsImage(id, null, "1.0")),
                refused("tag with blank tag", "tag", (c, id) -> c.saveAsImage(id, "repo", " ")));
    }

    private static Arguments refused(String name, String messageWord, CallOn call) {
        return Arguments.of(name, messageWord, call);
    }

    /** A client call on a container that exists. */
    interface CallOn {
        void call(ContainerApiClient client, long containerId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void surfacesEachValidationErrorAtOnce(String name, String messageWord, CallOn call) {
        assertThatThrownBy(() -> call.call(client, existing)).isInstanceOfSatisfying(ContainerApiException.class, e -> {
            assertThat(e.httpStatus()).as(name).isEqualTo(400);
            assertThat(e.apiCode()).as(name).isEqualTo(ContainerApiException.INVALID_PARAMETERS);
            assertThat(e.isInvalidParameters()).isTrue();
            assertThat(e.apiMessage()).as(name).contains(messageWord);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.retriesExhausted()).isFalse();
        });
        assertThat(sandbox.stats().totalRequests()).as("%s: asked once", name).isEqualTo(1);
    }

    @Test
    void surfacesADuplicateNameAsConflict() {
        client.create(CreateContainerRequest.packaged(10, 1, 10005, "twice"));

        assertThatThrownBy(() -> client.create(CreateContainerRequest.packaged(10, 1, 10005, "twice")))
                .isInstanceOfSatisfying(ContainerApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.apiCode()).isEqualTo(4090001);
                    assertThat(e.endpoint()).isEqualTo("create");
                });
    }
}

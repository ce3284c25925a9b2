package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FleetTest {

    private SandboxServer sandbox;
    private Fleet fleet;
    private SandboxClock clock;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(Sandboxes.smallFleet().withContainers(50));
        fleet = sandbox.fleet();
        clock = sandbox.clock();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void createdContainerComesLastInTheList() {
        long id = fleet.create(ContainerRequest.onDemandByBandwidth("fresh", 20, 3));

        assertThat(fleet.size()).isEqualTo(51);
        Container last = fleet.list().get(50);
        assertThat(last.id()).isEqualTo(id);
        assertThat(last.name()).isEqualTo("fresh");
        assertThat(last.bandwidth()).isEqualTo(3);
        assertThat(last.createdAt()).isEqualTo(Sandboxes.NOW);
    }

    @Test
    void nameOfAGeneratedContainerIsTakenUntilThatContainerIsGone() {
        Container existing = fleet.list().get(10);
        ContainerRequest sameName = ContainerRequest.packageContainer(existing.name(), 1);

        assertRefused(() -> fleet.create(sameName), ApiError.DUPLICATE_CONTAINER_NAME);

        fleet.delete(existing.id());
        clock.advance(Duration.ofSeconds(10));
        assertThat(fleet.create(sameName)).isPositive();
    }

    @Test
    void nameOfACreatedContainerIsTaken() {
        fleet.create(ContainerRequest.onDemandPrivate("twice", 1));

        assertRefused(() -> fleet.create(ContainerRequest.onDemandByTraffic("twice", 10)),
                ApiError.DUPLICATE_CONTAINER_NAME);
    }

    @Test
    void snapshotAtAnInstantShowsTheAttributesInForceThen() {
        long id = fleet.list().get(5).id();
        String before = fleet.get(id).orElseThrow().desc();
        Instant beforeChange = clock.instant();

        clock.advance(Duration.ofHours(1));
        fleet.modify(id, ContainerChange.desc("changed"));

        assertThat(fleet.snapshot(id, beforeChange).orElseThrow().desc()).isEqualTo(before);
        assertThat(fleet.snapshot(id, clock.instant()).orElseThrow().desc()).isEqualTo("changed");
        assertThat(fleet.get(id).orElseThrow().updatedAt()).isEqualTo(clock.instant());
    }

    @Test
    void deletedContainerLeavesTheListAfterTheDeletionTime() {
        long id = fleet.list().get(0).id();

        fleet.delete(id);
        assertThat(fleet.get(id).orElseThrow().status()).isEqualTo("delete_ing");
        assertThat(fleet.size()).isEqualTo(50);

        clock.advance(Duration.ofSeconds(10));
        assertThat(fleet.get(id)).isEmpty();
        assertThat(fleet.size()).isEqualTo(49);
        assertThat(fleet.list()).extracting(Container::id).doesNotContain(id);
    }

    @Test
    void changingAContainerBeingDeletedIsRefused() {
        long id = fleet.list().get(1).id();
        fleet.delete(id);

        assertRefused(() -> fleet.restart(id), ApiError.NO_SUCH_CONTAINER);
        assertRefused(() -> fleet.modify(id, ContainerChange.desc("x")), ApiError.NO_SUCH_CONTAINER);
        assertRefused(() -> fleet.delete(id), ApiError.NO_SUCH_CONTAINER);
    }

    @Test
    void switchingAPackageToOnDemandNeedsANetworkChargeType() {
        long id = fleet.create(ContainerRequest.packageContainer("pkg", 10));

        assertRefused(() -> fleet.modify(id, new ContainerChange(2, null, null, null)), ApiError.INVALID_PARAMETERS);
        assertRefused(() -> fleet.modify(id, new ContainerChange(2, null, 1, null)), ApiError.INVALID_PARAMETERS);

        fleet.modify(id, new ContainerChange(2, null, 1, 8));
        Container changed = fleet.get(id).orElseThrow();
        assertThat(changed.chargeType()).isEqualTo(2);
        assertThat(changed.networkChargeType()).isEqualTo(1);
        assertThat(changed.bandwidth()).isEqualTo(8);
    }

    @Test
    void switchingToAPackageDropsTheNetworkFields() {
        long id = fleet.create(ContainerRequest.onDemandByBandwidth("bw", 10, 50));

        fleet.modify(id, new ContainerChange(1, null, null, null));

        Container changed = fleet.get(id).orElseThrow();
        assertThat(changed.chargeType()).isEqualTo(1);
        assertThat(changed.networkChargeType()).isNull();
        assertThat(changed.bandwidth()).isNull();
        assertThat(changed.usePublicNetwork()).isEqualTo(1);
    }

    @Test
    void createWithAnUnknownImageIsRefused() {
        ContainerRequest unknownImage = new ContainerRequest(1, 1, 1, 99L, "img", null, null, null, null, null, null);

        assertRefused(() -> fleet.create(unknownImage), ApiError.INVALID_PARAMETERS);
    }

    private static void assertRefused(ThrowingCallable call, ApiError error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SandboxApiException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }
}

package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlowModelTest {

    private static final Instant DAY = Instant.parse("2017-02-20T00:00:00Z");
    private static SandboxServer sandbox;
    private static FlowModel model;
    private static List<Long> busy;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(Sandboxes.smallFleet());
        model = sandbox.flowModel();
        busy = sandbox.fleet().list().stream()
                .filter(c -> c.createdAt().isBefore(DAY.minus(Duration.ofDays(1))))
                .map(Container::id)
                .filter(id -> model.flow(id, DAY, DAY.plus(Duration.ofDays(1))).downMb().signum() > 0)
                .limit(20)
                .toList();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void fleetHasBusyContainersToTestWith() {
        assertThat(busy).hasSize(20);
    }

    @Test
    void flowOfADayEqualsTheSumOfItsHours() {
        for (long id : busy) {
            FlowAmount sum = FlowAmount.ZERO;
            for (int hour = 0; hour < 24; hour++) {
                sum = sum.plus(model.flow(id, DAY.plusSeconds(3600L * hour), DAY.plusSeconds(3600L * (hour + 1))));
            }
            FlowAmount day = model.flow(id, DAY, DAY.plus(Duration.ofDays(1)));
            assertThat(sum.upMb()).as("container='%s'", id).isEqualByComparingTo(day.upMb());
            assertThat(sum.downMb()).as("container='%s'", id).isEqualByComparingTo(day.downMb());
        }
    }

    @Test
    void flowOfADaySplitAtRandomSecondsSumsExactlyToTheDay() {
        assertSplitsAddUp(Duration.ofSeconds(1), new Random(3));
    }

    @Test
    void flowSplitAtRandomMillisecondsIsStillAdditive() {
        assertSplitsAddUp(Duration.ofMillis(1), new Random(4));
    }

    @Test
    void eveningInShanghaiCarriesMoreTrafficThanTheNight() {
        for (long id : busy) {
            FlowAmount evening = model.flow(id, DAY.plusSeconds(12 * 3600), DAY.plusSeconds(13 * 3600));
            FlowAmount night = model.flow(id, DAY.plusSeconds(19 * 3600), DAY.plusSeconds(20 * 3600));
            assertThat(evening.downMb()).as("container='%s'", id).isGreaterThan(night.downMb());
        }
    }

    @Test
    void flowBeforeCreationIsZeroAndAWindowOverCreationCountsFromCreation() {
        Container container = sandbox.fleet().list().get(150);
        Instant created = container.createdAt();

        FlowAmount before = model.flow(container.id(), created.minus(Duration.ofDays(30)), created);
        FlowAmount across = model.flow(container.id(), created.minus(Duration.ofDays(30)), DAY);
        FlowAmount fromCreation = model.flow(container.id(), created, DAY);

        assertThat(before).isEqualTo(FlowAmount.ZERO);
        assertThat(across.downMb()).isEqualByComparingTo(fromCreation.downMb());
    }

    @Test
    void flowNeverCountsTimeAfterNow() {
        long id = busy.get(0);
        Instant now = sandbox.clock().instant();

        FlowAmount untilNow = model.flow(id, DAY, now);
        FlowAmount intoTheFuture = model.flow(id, DAY, now.plus(Duration.ofDays(3)));

        assertThat(intoTheFuture.downMb()).isEqualByComparingTo(untilNow.downMb());
        assertThat(model.lifetimeFlow(id).downMb()).isGreaterThanOrEqualTo(untilNow.downMb());
    }

    @Test
    void containersThatNeverRanHaveNoTraffic() {
        List<Container> failed = sandbox.fleet().list().stream()
                .filter(c -> Status.neverRan(c.status()))
                .toList();

        assertThat(failed).isNotEmpty();
        assertThat(failed).allSatisfy(c -> assertThat(model.lifetimeFlow(c.id())).isEqualTo(FlowAmount.ZERO));
    }

    @Test
    void downstreamIsUsuallyLargerThanUpstreamAndSomeContainersIdle() {
        List<FlowAmount> flows = sandbox.fleet().list().stream().map(c -> model.lifetimeFlow(c.id())).toList();

        long idle = flows.stream().filter(f -> f.downMb().signum() == 0).count();
        long downLarger = flows.stream().filter(f -> f.downMb().compareTo(f.upMb()) > 0).count();

        assertThat(idle).isBetween(10L, 90L);
        assertThat(downLarger).isGreaterThan(flows.size() * 6L / 10);
    }

    @Test
    void flowOfAContainerThatNeverExistedIsRefused() {
        assertThatThrownBy(() -> model.flow(1, DAY, DAY.plusSeconds(1)))
                .isInstanceOfSatisfying(SandboxApiException.class,
                        e -> assertThat(e.error()).isEqualTo(ApiError.NO_SUCH_CONTAINER));
    }

    private static void assertSplitsAddUp(Duration resolution, Random random) {
        long dayUnits = Duration.ofDays(1).dividedBy(resolution);
        for (long id : busy) {
            TreeSet<Long> cuts = new TreeSet<>();
            while (cuts.size() < 40) {
                cuts.add(1 + (long) (random.nextDouble() * (dayUnits - 1)));
            }
            cuts.add(dayUnits);
            FlowAmount sum = FlowAmount.ZERO;
            Instant from = DAY;
            for (long cut : cuts) {
                Instant to = DAY.plus(resolution.multipliedBy(cut));
                sum = sum.plus(model.flow(id, from, to));
                from = to;
            }
            FlowAmount day = model.flow(id, DAY, DAY.plus(Duration.ofDays(1)));
            assertThat(sum.upMb()).as("container='%s', cuts='%s'", id, cuts).isEqualByComparingTo(day.upMb());
            assertThat(sum.downMb()).as("container='%s', cuts='%s'", id, cuts).isEqualByComparingTo(day.downMb());
        }
    }
}

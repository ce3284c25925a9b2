package io.flowbill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.SandboxHttp.Reply;
import tools.jackson.databind.JsonNode;

class FlowEndpointTest {

    private static final Instant DAY = Instant.parse("2017-02-25T00:00:00Z");
    private static SandboxServer sandbox;
    private static SandboxHttp http;
    private static List<Container> olderThanDay;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(Sandboxes.smallFleet());
        http = new SandboxHttp(sandbox);
        olderThanDay = sandbox.fleet().list().stream()
                .filter(c -> c.createdAt().isBefore(DAY.minus(Duration.ofDays(1))))
                .filter(c -> sandbox.flowModel().flow(c.id(), DAY, DAY.plus(Duration.ofDays(1))).upMb().signum() > 0)
                .limit(10)
                .toList();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void flowOfAWindowEqualsTheModel() {
        assertThat(olderThanDay).hasSize(10);
        for (Container c : olderThanDay) {
            FlowAmount model = sandbox.flowModel().flow(c.id(), DAY, DAY.plus(Duration.ofDays(1)));

            FlowAmount answered = flow(http, c.id(), "?from_time=%d&to_time=%d", DAY.getEpochSecond(),
                    DAY.getEpochSecond() + 86_400);

            assertThat(answered.upMb()).as("container='%s'", c.id()).isEqualByComparingTo(model.upMb());
            assertThat(answered.downMb()).as("container='%s'", c.id()).isEqualByComparingTo(model.downMb());
        }
    }

    @Test
    void flowOfADaySplitAtRandomSecondsSumsExactlyToTheDay() {
        Random random = new Random(17);
        for (Container c : olderThanDay) {
            TreeSet<Long> cuts = new TreeSet<>();
            while (cuts.size() < 12) {
                cuts.add(1 + (long) random.nextInt(86_399));
            }
            cuts.add(86_400L);
            BigDecimal up = BigDecimal.ZERO;
            BigDecimal down = BigDecimal.ZERO;
            long from = DAY.getEpochSecond();
            for (long cut : cuts) {
                long to = DAY.getEpochSecond() + cut;
                FlowAmount part = flow(http, c.id(), "?from_time=%d&to_time=%d", from, to);
                up = up.add(part.upMb());
                down = down.add(part.downMb());
                from = to;
            }
            FlowAmount day = flow(http, c.id(), "?from_time=%d&to_time=%d", DAY.getEpochSecond(),
                    DAY.getEpochSecond() + 86_400);
            assertThat(up).as("container='%s', cuts='%s'", c.id(), cuts).isEqualByComparingTo(day.upMb());
            assertThat(down).as("container='%s', cuts='%s'", c.id(), cuts).isEqualByComparingTo(day.downMb());
        }
    }

    @Test
    void absentTimesMeanTheWholeLifetimeUntilNow() {
        for (Container c : olderThanDay) {
            FlowAmount lifetime = sandbox.flowModel().lifetimeFlow(c.id());

            assertThat(flow(http, c.id(), "").downMb()).isEqualByComparingTo(lifetime.downMb());
            assertThat(flow(http, c.id(), "?from_time=-1&to_time=-1").downMb()).isEqualByComparingTo(lifetime.downMb());
        }
    }

    @Test
    void negativeFromMeansCreationAndNegativeToMeansNow() {
        Container c = olderThanDay.get(0);
        long created = c.createdAt().getEpochSecond();
        long now = sandbox.clock().instant().getEpochSecond();

        assertThat(flow(http, c.id(), "?from_time=-1&to_time=%d", DAY.getEpochSecond()).downMb())
                .isEqualByComparingTo(flow(http, c.id(), "?from_time=%d&to_time=%d", created, DAY.getEpochSecond())
                        .downMb());
        assertThat(flow(http, c.id(), "?from_time=%d&to_time=-5", DAY.getEpochSecond()).downMb())
                .isEqualByComparingTo(flow(http, c.id(), "?from_time=%d&to_time=%d", DAY.getEpochSecond(), now)
                        .downMb());
        assertThat(flow(http, c.id(), "?from_time=%d", DAY.getEpochSecond()).downMb())
                .isEqualByComparingTo(flow(http, c.id(), "?from_time=%d&to_time=-1", DAY.getEpochSecond())
                        .downMb());
    }

    @Test
    void fromAfterToIsInvalid() {
        Reply reply = http.get("/api/v1/containers/%d/flow?from_time=%d&to_time=%d"
                .formatted(olderThanDay.get(0).id(), DAY.getEpochSecond() + 1, DAY.getEpochSecond()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(4000001);
    }

    @Test
    void millisecondUnitReadsTimesAsMillisecondsAndStaysAdditive() {
        try (SandboxServer millis = SandboxServer.start(Sandboxes.smallFleet().withTimeUnit(FlowTimeUnit.MILLISECONDS))) {
            SandboxHttp client = new SandboxHttp(millis);
            long id = olderThanDay.get(1).id();
            long start = DAY.toEpochMilli();
            long cut = start + 12_345_678;
            long end = start + 86_400_000;

            FlowAmount first = flow(client, id, "?from_time=%d&to_time=%d", start, cut);
            FlowAmount second = flow(client, id, "?from_time=%d&to_time=%d", cut, end);
            FlowAmount whole = flow(client, id, "?from_time=%d&to_time=%d", start, end);

            assertThat(whole.downMb()).isEqualByComparingTo(
                    millis.flowModel().flow(id, DAY, DAY.plus(Duration.ofDays(1))).downMb());
            assertThat(first.downMb().add(second.downMb())).isEqualByComparingTo(whole.downMb());
            assertThat(first.upMb().add(second.upMb())).isEqualByComparingTo(whole.upMb());
        }
    }

    @Test
    void mixedFormatAnswersParseBackExactlyToTheModel() {
        try (SandboxServer mixed = SandboxServer.start(Sandboxes.smallFleet().withFlowFormat(FlowFormat.MIXED))) {
            SandboxHttp client = new SandboxHttp(mixed);
            int notMegabytes = 0;
            for (Container c : mixed.fleet().page(0, 120).containers()) {
                JsonNode answer = client.get("/api/v1/containers/" + c.id() + "/flow").json();
                FlowAmount model = mixed.flowModel().lifetimeFlow(c.id());
                String up = answer.get("container_up_flow").stringValue();
                String down = answer.get("container_down_flow").stringValue();

                assertThat(FlowFormat.parseMb(up)).as("container='%s', up='%s'", c.id(), up)
                        .isEqualByComparingTo(model.upMb());
                assertThat(FlowFormat.parseMb(down)).as("container='%s', down='%s'", c.id(), down)
                        .isEqualByComparingTo(model.downMb());
                notMegabytes += up.endsWith("MB") ? 0 : 1;
            }
            assertThat(notMegabytes).as("some answers in B, KB or GB").isPositive();
        }
    }

    private static FlowAmount flow(SandboxHttp client, long id, String queryFormat, Object... args) {
        Reply reply = client.get("/api/v1/containers/" + id + "/flow" + queryFormat.formatted(args));
        assertThat(reply.status()).as("container='%s', reply='%s'", id, reply).isEqualTo(200);
        return new FlowAmount(FlowFormat.parseMb(reply.json().get("container_up_flow").stringValue()),
                FlowFormat.parseMb(reply.json().get("container_down_flow").stringValue()));
    }
}

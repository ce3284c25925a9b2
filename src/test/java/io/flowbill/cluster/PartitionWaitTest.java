package io.flowbill.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class PartitionWaitTest {

    static final String QUEUE = "queue 'q' on RabbitMQ mq:5672";

    final PartitionWait wait = new PartitionWait("ratingStep", QUEUE, Duration.ofMinutes(60), Duration.ofMinutes(2));

    @Test
    void waitsWhileWorkersConsumeWithinThePartitionTimeout() {
        assertThat(wait.giveUp(Duration.ofMinutes(59), OptionalInt.of(2), 3, 4)).isEmpty();
    }

    @Test
    void givesUpAtThePartitionTimeoutSayingHowManyAreUnansweredAndWhoConsumes() {
        assertThat(wait.giveUp(Duration.ofMinutes(60), OptionalInt.of(2), 3, 4)).contains("ratingStep: 3 of 4"
                + " partitions unanswered after 3600 s (flowbill.cluster.partition-timeout); 2 worker consumers on "
                + QUEUE + "; run the same command again to resume (it waits for the partitions still running)");
    }

    @Test
    void givesUpOnceNoWorkerConsumedForTheNoWorkerTimeout() {
        assertThat(wait.giveUp(Duration.ofSeconds(10), OptionalInt.of(0), 4, 4)).as("at 10 s").isEmpty();
        assertThat(wait.giveUp(Duration.ofSeconds(129), OptionalInt.empty(), 4, 4)).as("at 129 s").isEmpty();
        assertThat(wait.giveUp(Duration.ofSeconds(130), OptionalInt.of(0), 4, 4)).as("at 130 s").contains(
                "ratingStep: no worker consumed " + QUEUE + " for 120 s (flowbill.cluster.no-worker-timeout); 4 of 4"
                        + " partitions unanswered: start `flowbill worker` processes with the same spring.rabbitmq.*,"
                        + " flowbill.cluster.requests-queue and database, then run the same command again to"
                        + " resume");
    }

    @Test
    void aWorkerComingBackStartsTheNoWorkerTimeoutAgain() {
        wait.giveUp(Duration.ofSeconds(0), OptionalInt.of(0), 4, 4);
        wait.giveUp(Duration.ofSeconds(100), OptionalInt.of(1), 4, 4);
        wait.giveUp(Duration.ofSeconds(110), OptionalInt.of(0), 4, 4);

        assertThat(wait.giveUp(Duration.ofSeconds(200), OptionalInt.of(0), 4, 4)).as("90 s without workers").isEmpty();
        assertThat(wait.giveUp(Duration.ofSeconds(230), OptionalInt.of(0), 4, 4)).as("120 s without workers")
                .isPresent();
    }

    @Test
    void aDeadLetteredPartitionIsOneLineNamingTheStepThePartitionAndTheReason() {
        assertThat(wait.deadLettered("ratingPartitionStep:containers2", new DeadLetter(42, "delivery 5 of 5 failed:"
                + " names step 'noSuchStep', which this worker does not have"))).isEqualTo("ratingStep: partition"
                + " ratingPartitionStep:containers2 (step execution 42) was dead-lettered: delivery 5 of 5 failed: names"
                + " step 'noSuchStep', which this worker does not have; fix the cause (docs/scaling.md, Dead letters),"
                + " then run the same command again to resume");
    }
}

package io.flowbill.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When a manager stops waiting for the partitions of a step, and the line that says why: after
 * {@code flowbill.cluster.partition-timeout} in all, or once no worker has consumed the requests queue for
 * {@code flowbill.cluster.no-worker-timeout} (a queue RabbitMQ does not report on counts as one without workers).
 * Fed with the elapsed time by its caller, so it is tested without a clock. A partition whose request was
 * dead-lettered ends the wait at once ({@link #deadLettered}).
 */
final class PartitionWait {

    private static final String AGAIN = "run the same command again to resume";

    private final String step;
    private final String queue;
    private final Duration partitionTimeout;
    private final Duration noWorkerTimeout;
    private Duration unconsumedSince;

    /** {@code queue} as {@link PartitionRequests#where()} says it. */
    PartitionWait(String step, String queue, Duration partitionTimeout, Duration noWorkerTimeout) {
        this.step = step;
        this.queue = queue;
        this.partitionTimeout = partitionTimeout;
        this.noWorkerTimeout = noWorkerTimeout;
    }

    /**
     * Whether to give up {@code elapsed} after the requests were sent, with {@code consumers} on the queue now and
     * {@code unanswered} of {@code partitions} partitions not ended: the one line of the failure, or empty to wait.
     */
    Optional<String> giveUp(Duration elapsed, OptionalInt consumers, int unanswered, int partitions) {
        boolean none = consumers.orElse(0) == 0;
        if (!none) {
            unconsumedSince = null;
        }
        else if (unconsumedSince == null) {
            unconsumedSince = elapsed;
        }
        if (none && elapsed.minus(unconsumedSince).compareTo(noWorkerTimeout) >= 0) {
            return Optional.of(step + ": no worker consumed " + queue + " for " + seconds(noWorkerTimeout)
                    + " (flowbill.cluster.no-worker-timeout); " + unanswered + " of " + partitions
                    + " partitions unanswered: start `flowbill worker` processes with the same spring.rabbitmq.*,"
                    + " flowbill.cluster.requests-queue and database, then " + AGAIN);
        }
        if (elapsed.compareTo(partitionTimeout) >= 0) {
            return Optional.of(step + ": " + unanswered + " of " + partitions + " partitions unanswered after "
                    + seconds(partitionTimeout) + " (flowbill.cluster.partition-timeout); " + consumers(consumers)
                    + "; " + AGAIN + " (it waits for the partitions still running)");
        }
        return Optional.empty();
    }

    /**
     * The line of a partition whose request was dead-lettered: the run fails at once, as the partition will not run
     * in it.
     */
    String deadLettered(String partition, DeadLetter dead) {
        return step + ": partition " + partition + " (step execution " + dead.stepExecutionId()
                + ") was dead-lettered: " + dead.reason() + "; fix the cause (docs/scaling.md, Dead letters), then "
                + AGAIN;
    }

    private String consumers(OptionalInt consumers) {
        if (consumers.isEmpty()) {
            return "RabbitMQ did not say whether any worker consumes " + queue;
        }
        int count = consumers.getAsInt();
        return count == 0 ? "no worker consumes " + queue
                : count + (count == 1 ? " worker consumer" : " worker consumers") + " on " + queue;
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}

package io.flowbill.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestRabbit;

/**
 * {@code rate} of one day with {@code flowbill.cluster.enabled}: a manager and two real {@code worker} processes bill
 * the day exactly as one process does (charge lines, package days, invoice), also when a worker is killed (SIGKILL)
 * inside a partition, whose unacknowledged request RabbitMQ then gives to the other worker, and when a worker is
 * stopped (SIGTERM) inside one, which it ends STOPPED at a chunk boundary for the manager to send again. Needs RabbitMQ
 * ({@link TestRabbit}): skipped without one.
 */
@Slow
class ClusterRatingIT {

    static final String DAY = ClusterFixture.DAY;
    static final Pattern PARTITION_STARTED = Pattern.compile(
            "Partition (ratingPartitionStep:\\w+) \\(step execution (\\d+) of ratingJob execution \\d+\\)"
                    + " started");

    /** How long a stopped worker waits for its partitions to reach a chunk boundary. */
    static final Duration SHUTDOWN_TIMEOUT = Patience.seconds(60);

    static final SandboxServer api = SandboxServer.start(SandboxConfig.defaults().withContainers(0));
    static Map<String, List<String>> oneProcess;

    final List<FlowbillJar.Running> workers = new ArrayList<>();
    TestRabbit.Broker rabbit;
    String queue;

    @BeforeAll
    static void billTheDayInOneProcess() throws Exception {
        TestRabbit.broker();
        TestDatabase.Database db = ClusterFixture.fixture();
        FlowbillJar.Outcome rate = ClusterFixture.flowbill(api, db, "rate", "--date", DAY).run();
        assertThat(rate.exitCode()).as("exit code of 'rate --date %s' in one process: %s", DAY, rate.output())
                .isZero();
        oneProcess = ClusterFixture.bill(db);
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    @AfterEach
    void stopWorkers() throws Exception {
        for (FlowbillJar.Running worker : workers) {
            if (worker.isAlive()) {
                worker.kill();
            }
        }
        if (queue != null) {
            rabbit.deleteQueue(queue);
        }
    }

    @Test
    void aManagerAndTwoWorkersBillTheDayAsOneProcessDoes() throws Exception {
        TestDatabase.Database db = ClusterFixture.fixture();
        startWorkers(db);

        FlowbillJar.Outcome rate = manager(db).finish(Patience.seconds(300));

        assertThat(rate.exitCode()).as("exit code of the manager's 'rate --date %s': %s", DAY, rate.output()).isZero();
        assertThat(ClusterFixture.bill(db)).as("the day's bill by a manager and 2 workers vs. one process").isEqualTo(oneProcess);
        assertThat(ClusterFixture.partitionStatuses(db)).as("partitions of ratingStep").hasSize(4).containsOnly("COMPLETED");
        for (FlowbillJar.Running worker : workers) {
            assertThat(worker.output()).as("a worker's log").containsPattern(PARTITION_STARTED);
        }
    }

    @Test
    void aWorkerKilledInsideAPartitionLosesAndDoublesNothing() throws Exception {
        TestDatabase.Database db = ClusterFixture.fixture();
        startWorkers(db);
        FlowbillJar.Running manager = manager(db);

        // when: a worker is killed once a partition it runs has committed a few of its ~200 chunks
        Running[] inside = new Running[1];
        manager.await("a worker inside a partition", Patience.seconds(300), () -> {
            inside[0] = insidePartition(db).orElse(null);
            return inside[0] != null;
        });
        inside[0].worker().kill();
        FlowbillJar.Outcome rate = manager.finish(Patience.seconds(300));

        // then
        FlowbillJar.Running survivor = workers.get(workers.indexOf(inside[0].worker()) == 0 ? 1 : 0);
        assertThat(rate.exitCode()).as("exit code of the manager's 'rate --date %s': %s", DAY, rate.output()).isZero();
        assertThat(survivor.output()).as("the other worker's log")
                .containsPattern("Partition " + inside[0].partition() + " \\(step execution " + inside[0].stepExecution()
                        + " of ratingJob execution \\d+\\) started again");
        assertThat(ClusterFixture.bill(db)).as("the day's bill with a worker killed in %s vs. one process", inside[0].partition())
                .isEqualTo(oneProcess);
        assertThat(ClusterFixture.partitionStatuses(db)).as("partitions of ratingStep").hasSize(4).containsOnly("COMPLETED");
        assertThat(ClusterFixture.jdbc(db).queryForObject("""
                select e.status from batch_job_execution e join batch_job_instance i using (job_instance_id)
                 where i.job_name = 'ratingJob' order by e.job_execution_id desc limit 1
                """, String.class)).as("the manager's ratingJob execution").isEqualTo("COMPLETED");
    }

    @Test
    void aWorkerStoppedInsideAPartitionEndsItAtAChunkBoundaryExitsZeroAndAnotherWorkerResumesIt() throws Exception {
        TestDatabase.Database db = ClusterFixture.fixture();
        startWorkers(db);
        FlowbillJar.Running manager = manager(db);

        // when: SIGTERM to a worker once a partition it runs has committed a few of its ~200 chunks
        Running[] inside = new Running[1];
        manager.await("a worker inside a partition", Patience.seconds(300), () -> {
            inside[0] = insidePartition(db).orElse(null);
            return inside[0] != null;
        });
        FlowbillJar.Outcome stopped = inside[0].worker().terminate(SHUTDOWN_TIMEOUT.plus(Patience.seconds(30)));
        FlowbillJar.Outcome rate = manager.finish(Patience.seconds(300));

        // then
        String partition = "Partition " + inside[0].partition() + " \\(step execution " + inside[0].stepExecution()
                + " of ratingJob execution \\d+\\)";
        FlowbillJar.Running survivor = workers.get(workers.indexOf(inside[0].worker()) == 0 ? 1 : 0);
        assertThat(stopped.exitCode()).as("exit code of the worker after SIGTERM: %s", stopped.output()).isZero();
        assertThat(stopped.output()).as("the stopped worker's log").containsPattern(partition + " ended STOPPED")
                .containsPattern("flowbill worker stopped after \\d+ ms: no new requests taken, \\d running"
                        + " partition\\(s\\) asked to stop at their next chunk boundary, all ended \\(a STOPPED"
                        + " one is sent to another worker by its manager\\)\\n")
                .doesNotContain("\tat ");
        assertThat(rate.exitCode()).as("exit code of the manager's 'rate --date %s': %s", DAY, rate.output()).isZero();
        assertThat(rate.output()).as("the manager's log").contains("Partition " + inside[0].partition()
                + " (step execution " + inside[0].stepExecution() + ") was stopped by its worker; sent again");
        assertThat(survivor.output()).as("the other worker's log").containsPattern(partition + " started again");
        assertThat(ClusterFixture.bill(db)).as("the day's bill with a worker stopped in %s vs. one process",
                inside[0].partition()).isEqualTo(oneProcess);
        assertThat(ClusterFixture.partitionStatuses(db)).as("partitions of ratingStep").hasSize(4)
                .containsOnly("COMPLETED");
    }

    /** A worker, the partition it runs and the partition's step execution. */
    record Running(FlowbillJar.Running worker, String partition, long stepExecution) {
    }

    /** A partition a live worker runs that has committed 3 chunks or more and is still running. */
    private Optional<Running> insidePartition(TestDatabase.Database db) throws IOException {
        for (FlowbillJar.Running worker : workers) {
            Matcher started = PARTITION_STARTED.matcher(worker.output());
            while (started.find()) {
                long id = Long.parseLong(started.group(2));
                Integer commits = ClusterFixture.jdbc(db).queryForObject("select count(*) from batch_step_execution where"
                        + " step_execution_id = ? and status = 'STARTED' and commit_count >= 3", Integer.class, id);
                if (commits != null && commits == 1) {
                    return Optional.of(new Running(worker, started.group(1), id));
                }
            }
        }
        return Optional.empty();
    }

    private void startWorkers(TestDatabase.Database db) throws Exception {
        rabbit = TestRabbit.broker();
        queue = TestRabbit.uniqueQueue("rating");
        for (int i = 0; i < 2; i++) {
            workers.add(cluster(ClusterFixture.flowbill(api, db, "worker"))
                    // one container per transaction: a partition takes long enough to be killed inside
                    .env("FLOWBILL_INVOICING_CHUNK_SIZE", "1")
                    .env("FLOWBILL_SERVE_SHUTDOWN_TIMEOUT", SHUTDOWN_TIMEOUT.toSeconds() + "s").start());
        }
        for (FlowbillJar.Running worker : workers) {
            worker.await("the worker started", Patience.seconds(240),
                    () -> worker.output().contains("Started FlowbillCli"));
        }
    }

    private FlowbillJar.Running manager(TestDatabase.Database db) throws IOException {
        return cluster(ClusterFixture.flowbill(api, db, "rate", "--date", DAY))
                // a partition lost for good fails the step within the test's patience instead of after 6 hours
                .env("FLOWBILL_CLUSTER_PARTITION_TIMEOUT", Patience.seconds(150).toSeconds() + "s").start();
    }

    private FlowbillJar cluster(FlowbillJar jar) {
        return jar.env(rabbit.environment()).env("FLOWBILL_CLUSTER_ENABLED", "true")
                .env("FLOWBILL_CLUSTER_REQUESTS_QUEUE", queue).env("FLOWBILL_CLUSTER_POLL_INTERVAL", "200ms");
    }
}

package io.flowbill.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestRabbit;

/**
 * What a manager does when its partitions go unanswered, and what a worker does with requests it cannot run (issue
 * 26): a partition timeout fails {@code nightly} with one line and blocks nothing, the same command with a worker up
 * then bills the day exactly as one process does; without any worker the run fails after
 * {@code flowbill.cluster.no-worker-timeout} saying so; an unreadable request and one naming an unknown step are
 * dead-lettered with their reason and the worker keeps serving; a dead-lettered request of a manager's partition
 * fails its run at once, naming the partition and the reason, and the same command then resumes. Needs RabbitMQ ({@link TestRabbit}).
 */
@Slow
class ClusterFaultsIT {

    static final String DAY = ClusterFixture.DAY;
    static final SandboxServer api = SandboxServer.start(SandboxConfig.defaults().withContainers(0));
    static Map<String, List<String>> oneProcess;

    final List<FlowbillJar.Running> workers = new ArrayList<>();
    final TestRabbit.Broker rabbit = TestRabbit.broker();
    final String queue = TestRabbit.uniqueQueue("faults");

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
    void stopWorkersAndDeleteQueues() throws Exception {
        for (FlowbillJar.Running worker : workers) {
            if (worker.isAlive()) {
                worker.kill();
            }
        }
        rabbit.deleteQueue(queue);
    }

    @Test
    void aNightlyPartitionTimeoutFailsInOneLineAndTheSameCommandWithAWorkerBillsTheDayExactly() throws Exception {
        TestDatabase.Database db = ClusterFixture.fixture();

        FlowbillJar.Outcome timedOut = manager(db, "nightly").env("FLOWBILL_CLUSTER_PARTITION_TIMEOUT", "3s")
                .env("FLOWBILL_CLUSTER_NO_WORKER_TIMEOUT", "10m").start().finish(Patience.seconds(300));

        assertThat(timedOut.exitCode()).as("exit code of the manager without workers: %s", timedOut.output())
                .isEqualTo(1);
        assertThat(timedOut.err().lines().toList()).as("stderr of the timed-out manager").containsExactly(
                "flowbill nightly failed: cluster: ratingStep: 4 of 4 partitions unanswered after 3 s"
                        + " (flowbill.cluster.partition-timeout); no worker consumes queue '" + queue
                        + "' on RabbitMQ " + rabbit.host() + ":" + rabbit.port() + "; run the same command again to"
                        + " resume (it waits for the partitions still running)");
        assertThat(timedOut.output()).as("output of the timed-out manager").doesNotContain("\tat ");

        startWorker(db);
        FlowbillJar.Outcome resumed = manager(db, "nightly").start().finish(Patience.seconds(300));

        assertThat(resumed.exitCode()).as("exit code of the same command with a worker: %s", resumed.output())
                .isZero();
        assertThat(ClusterFixture.bill(db)).as("the day's bill after a timeout and a resume vs. one process")
                .isEqualTo(oneProcess);
        assertThat(ClusterFixture.partitionStatuses(db)).as("partitions of the resumed ratingStep")
                .containsOnly("COMPLETED");
        assertThat(ClusterFixture.jdbc(db).queryForList("select status from batch_step_execution where status in"
                + " ('STARTING', 'STARTED', 'UNKNOWN')", String.class)).as("step executions left running").isEmpty();
    }

    @Test
    void withoutAnyWorkerTheRunFailsAfterTheNoWorkerTimeoutSayingSo() throws Exception {
        TestDatabase.Database db = ClusterFixture.fixture();

        FlowbillJar.Outcome noWorker = manager(db).env("FLOWBILL_CLUSTER_NO_WORKER_TIMEOUT", "2s").start()
                .finish(Patience.seconds(300));

        assertThat(noWorker.exitCode()).as("exit code of the manager without workers: %s", noWorker.output())
                .isEqualTo(1);
        assertThat(noWorker.err().lines().toList()).as("stderr of the manager without workers").containsExactly(
                "flowbill rate failed: cluster: ratingStep: no worker consumed queue '" + queue + "' on RabbitMQ "
                        + rabbit.host() + ":" + rabbit.port() + " for 2 s (flowbill.cluster.no-worker-timeout); 4 of"
                        + " 4 partitions unanswered: start `flowbill worker` processes with the same"
                        + " spring.rabbitmq.*, flowbill.cluster.requests-queue and database, then run the same"
                        + " command again to resume");
    }

    @Test
    void poisonRequestsAreDeadLetteredWithTheirReasonAndTheWorkerKeepsServing() throws Exception {
        TestDatabase.Database db = ClusterFixture.fixture();
        startWorker(db);

        // when: a request naming a step no worker has, and a message that is no request at all
        try (Broker broker = new Broker(rabbit)) {
            RabbitTemplate requests = new RabbitTemplate(broker.connections);
            requests.setMessageConverter(PartitionMessages.converter());
            requests.convertAndSend("", queue, new StepExecutionRequest("noSuchStep", 1L));
            MessageProperties text = new MessageProperties();
            text.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            requests.send("", queue, new Message("{not json".getBytes(StandardCharsets.UTF_8), text));

            // then
            workers.get(0).await("two dead letters", Patience.seconds(120),
                    () -> broker.depth(ClusterProperties.deadLetterQueue(queue)) == 2);
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Message dead = requests.receive(ClusterProperties.deadLetterQueue(queue), 5_000);
                assertThat(dead).as("dead letter %s", i).isNotNull();
                reasons.add(dead.getMessageProperties().getHeader(PartitionRequestListener.REASON));
            }
            assertThat(reasons).as("reasons of the dead letters").satisfiesExactlyInAnyOrder(
                    reason -> assertThat(reason).startsWith("delivery 5 of 5 failed: ")
                            .contains("names step 'noSuchStep', which this worker does not have"),
                    reason -> assertThat(reason).startsWith("unreadable: "));
        }
        FlowbillJar.Outcome rate = manager(db).start().finish(Patience.seconds(300));

        assertThat(rate.exitCode()).as("exit code of the manager after the poison: %s", rate.output()).isZero();
        assertThat(ClusterFixture.bill(db)).as("the day's bill after the poison vs. one process")
                .isEqualTo(oneProcess);
        assertThat(workers.get(0).isAlive()).as("the worker after the poison").isTrue();
    }

    @Test
    void aDeadLetteredPartitionFailsTheRunAtOnceInOneLineAndTheSameCommandThenBillsTheDayExactly() throws Exception {
        TestDatabase.Database db = ClusterFixture.fixture();
        // given: the only worker is on another database, so every delivery of the manager's requests fails
        FlowbillJar.Running elsewhere = startWorker(ClusterFixture.fixture());

        // when: a partition timeout far beyond the test's patience
        FlowbillJar.Outcome failed = manager(db).env("FLOWBILL_CLUSTER_PARTITION_TIMEOUT", "3h").start()
                .finish(Patience.seconds(300));

        // then
        assertThat(failed.exitCode()).as("exit code of the manager: %s", failed.output()).isEqualTo(1);
        assertThat(failed.err().lines().toList()).as("stderr of the manager").singleElement().asString().matches(
                "flowbill rate failed: cluster: ratingStep: partition ratingPartitionStep:containers\\d \\(step"
                        + " execution (\\d+)\\) was dead-lettered: delivery 5 of 5 failed: names step execution"
                        + " \\1 of ratingPartitionStep, which does not exist in this job repository \\(is this"
                        + " worker on the manager's database\\?\\); fix the cause \\(docs/scaling.md, Dead"
                        + " letters\\), then run the same command again to resume");
        assertThat(elsewhere.isAlive()).as("the worker after dead-lettering").isTrue();
        assertThat(elsewhere.output()).as("the worker's log").contains("Partition request dead-lettered");

        elsewhere.kill();
        startWorker(db);
        FlowbillJar.Outcome resumed = manager(db).start().finish(Patience.seconds(300));

        assertThat(resumed.exitCode()).as("exit code of the same command with a worker on its database: %s",
                resumed.output()).isZero();
        assertThat(ClusterFixture.bill(db)).as("the day's bill after a dead letter and a resume vs. one process")
                .isEqualTo(oneProcess);
        assertThat(ClusterFixture.partitionStatuses(db)).as("partitions of the resumed ratingStep")
                .containsOnly("COMPLETED");
    }

    /** A connection of the test's own to the broker. */
    static final class Broker implements AutoCloseable {

        final CachingConnectionFactory connections;
        final RabbitAdmin admin;

        Broker(TestRabbit.Broker rabbit) {
            connections = rabbit.connections();
            admin = new RabbitAdmin(connections);
        }

        long depth(String queue) {
            QueueInformation information = admin.getQueueInfo(queue);
            return information == null ? -1 : information.getMessageCount();
        }

        @Override
        public void close() {
            connections.destroy();
        }
    }

    private FlowbillJar.Running startWorker(TestDatabase.Database db) throws Exception {
        FlowbillJar.Running worker = cluster(ClusterFixture.flowbill(api, db, "worker"))
                .env("FLOWBILL_CLUSTER_WORKER_CONCURRENCY", "1").start();
        workers.add(worker);
        worker.await("the worker started", Patience.seconds(240),
                () -> worker.output().contains("Started FlowbillCli"));
        return worker;
    }

    private FlowbillJar manager(TestDatabase.Database db) throws IOException {
        return manager(db, "rate");
    }

    /** {@code command --date DAY} ({@code rate} or {@code nightly}) as a manager. */
    private FlowbillJar manager(TestDatabase.Database db, String command) throws IOException {
        return cluster(ClusterFixture.flowbill(api, db, command, "--date", DAY))
                .env("FLOWBILL_CLUSTER_PARTITION_TIMEOUT", Patience.seconds(150).toSeconds() + "s");
    }

    private FlowbillJar cluster(FlowbillJar jar) {
        return jar.env(rabbit.environment()).env("FLOWBILL_CLUSTER_ENABLED", "true")
                .env("FLOWBILL_CLUSTER_REQUESTS_QUEUE", queue).env("FLOWBILL_CLUSTER_POLL_INTERVAL", "200ms");
    }
}

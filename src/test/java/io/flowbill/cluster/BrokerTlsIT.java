package io.flowbill.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.Stunnel;
import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestRabbit;
import io.flowbill.system.ThrowawayCa;

/**
 * A manager and a worker reach RabbitMQ over TLS with the settings docs/scaling.md ("Broker TLS") gives
 * ({@code spring.rabbitmq.ssl.enabled}, {@code spring.rabbitmq.ssl.bundle} and a PEM SSL bundle trusting the broker's
 * CA) and bill the day as one process does; a manager that does not trust the broker's certificate fails with one
 * line naming those settings. The TLS listener is stunnel in front of the local broker, serving a certificate of a CA
 * made for this run ({@link ThrowawayCa}). Needs RabbitMQ ({@link TestRabbit}) and stunnel ({@link Stunnel}).
 */
@Slow
class BrokerTlsIT {

    static final String DAY = ClusterFixture.DAY;

    static final SandboxServer api = SandboxServer.start(SandboxConfig.defaults().withContainers(0));
    static TestRabbit.Broker rabbit;
    static ThrowawayCa ca;
    static Stunnel tls;

    FlowbillJar.Running worker;
    String queue;

    @BeforeAll
    static void startTheTlsListener() throws Exception {
        rabbit = TestRabbit.broker();
        Stunnel.require();
        ca = ThrowawayCa.make();
        tls = Stunnel.forward(rabbit.host(), rabbit.port(), ca);
    }

    @AfterAll
    static void stop() {
        if (tls != null) {
            tls.close();
        }
        api.close();
    }

    @AfterEach
    void stopTheWorker() throws Exception {
        if (worker != null && worker.isAlive()) {
            worker.kill();
        }
        if (queue != null) {
            rabbit.deleteQueue(queue);
        }
    }

    @Test
    void aManagerAndAWorkerOverTlsBillTheDayAsOneProcessDoes() throws Exception {
        TestDatabase.Database plain = ClusterFixture.fixture();
        FlowbillJar.Outcome oneProcess = ClusterFixture.flowbill(api, plain, "rate", "--date", DAY).run();
        assertThat(oneProcess.exitCode()).as("'rate --date %s' in one process: %s", DAY, oneProcess.output()).isZero();

        TestDatabase.Database db = ClusterFixture.fixture();
        queue = TestRabbit.uniqueQueue("tls");
        worker = overTls(ClusterFixture.flowbill(api, db, "worker"), true).start();
        worker.await("the worker listens over TLS", Patience.seconds(240),
                () -> worker.output().contains("Worker taking partitions from queue"));
        FlowbillJar.Outcome rate = overTls(ClusterFixture.flowbill(api, db, "rate", "--date", DAY), true).start()
                .finish(Patience.seconds(300));

        assertThat(rate.exitCode()).as("the manager's 'rate --date %s' over TLS: %s\nstunnel said:\n%s", DAY,
                rate.output(), tls.log()).isZero();
        assertThat(ClusterFixture.bill(db)).as("the day's bill by a manager and a worker over TLS vs. one process")
                .isEqualTo(ClusterFixture.bill(plain));
        assertThat(ClusterFixture.partitionStatuses(db)).as("partitions of ratingStep").hasSize(4)
                .containsOnly("COMPLETED");
        assertThat(worker.output()).as("the worker's log").contains("Partition ratingPartitionStep:");
    }

    @Test
    void aManagerThatDoesNotTrustTheBrokersCertificateFailsWithOneLine() throws Exception {
        TestDatabase.Database db = ClusterFixture.fixture();
        queue = TestRabbit.uniqueQueue("tls-untrusted");

        FlowbillJar.Outcome rate = overTls(ClusterFixture.flowbill(api, db, "rate", "--date", DAY), false).start()
                .finish(Patience.seconds(300));

        assertThat(rate.exitCode()).as("exit of 'rate' trusting only the JVM's CAs: %s", rate.output()).isEqualTo(1);
        assertThat(rate.reason()).as("the line it ends with, of all it printed:\n%s", rate.output())
                .contains("cluster: ratingJob/ratingStep: the TLS handshake with RabbitMQ 127.0.0.1:" + tls.port()
                        + " failed (", "spring.rabbitmq.ssl.bundle", "truststore.certificate");
        assertThat(rate.output()).as("all it printed: no stack trace").doesNotContain("\tat ");
    }

    /** The cluster settings on the TLS listener; {@code trusting}: with the bundle of the run's CA. */
    private FlowbillJar overTls(FlowbillJar jar, boolean trusting) {
        Map<String, String> variables = new LinkedHashMap<>(rabbit.environment());
        variables.put("SPRING_RABBITMQ_HOST", "127.0.0.1");
        variables.put("SPRING_RABBITMQ_PORT", Integer.toString(tls.port()));
        variables.put("SPRING_RABBITMQ_SSL_ENABLED", "true");
        if (trusting) {
            variables.put("SPRING_RABBITMQ_SSL_BUNDLE", "broker");
            variables.put("SPRING_SSL_BUNDLE_PEM_BROKER_TRUSTSTORE_CERTIFICATE", "file:" + ca.caCertificate());
        }
        variables.put("FLOWBILL_CLUSTER_ENABLED", "true");
        variables.put("FLOWBILL_CLUSTER_REQUESTS_QUEUE", queue);
        variables.put("FLOWBILL_CLUSTER_POLL_INTERVAL", "200ms");
        variables.put("FLOWBILL_CLUSTER_PARTITION_TIMEOUT", Patience.seconds(150).toSeconds() + "s");
        return jar.env(variables);
    }
}

package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code worker} is refused (exit 2, before anything starts) without the cluster or without a shared database, and
 * runs without a web server, marked as the worker.
 */
class WorkerCommandLineTest {

    @Test
    void aWorkerWithoutTheClusterIsRefusedBeforeAnythingStarts() {
        StringWriter err = new StringWriter();

        int exit = FlowbillCli.run(new String[] { "worker" }, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(exit).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).startsWith("flowbill worker: ").contains("set flowbill.cluster.enabled=true");
    }

    @Test
    void aWorkerOnTheDemosOwnDatabaseIsRefused() {
        StringWriter err = new StringWriter();

        int exit = FlowbillCli.run(new String[] { "worker", "--flowbill.cluster.enabled=true" },
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(exit).isEqualTo(FlowbillCli.EXIT_USAGE);
        assertThat(err.toString()).contains("a worker needs the manager's PostgreSQL: set spring.datasource.url");
    }

    @Test
    void aWorkerServesTheManagementPortAloneAndIsMarkedAsTheWorker() {
        assertThat(SpringLauncher.arguments("worker", List.of("--flowbill.cluster.enabled=true")))
                .containsExactly("--flowbill.cluster.enabled=true", "--flowbill.cluster.worker=true");
        assertThat(WorkerSettings.defaults()).containsEntry("management.server.port", 8081);
        assertThat(SpringLauncher.arguments("rate", List.of())).isEmpty();
    }

    @Test
    void helpListsWorker() {
        StringWriter out = new StringWriter();
        assertThat(FlowbillCli.run(new String[] { "--help" }, new PrintWriter(out), new PrintWriter(new StringWriter())))
                .isZero();
        assertThat(out.toString()).containsPattern("worker\\s+Run until stopped, taking partitions");
    }
}

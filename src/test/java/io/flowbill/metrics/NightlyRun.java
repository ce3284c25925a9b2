package io.flowbill.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.flowbill.cli.FlowbillCli;
import io.flowbill.sandbox.Container;
import io.flowbill.sandbox.Endpoint;
import io.flowbill.sandbox.Fault;
import io.flowbill.sandbox.MalformedFlow;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestSeller;

/**
 * One {@code nightly} of yesterday through flowbill's command line, as cron would start it, with a Pushgateway
 * stand-in and the textfile option, against a fresh database and an in-process sandbox of 30 containers. The sandbox
 * is started here rather than built in, so that it can misbehave a little the way the real API does: three flow
 * requests answer 500 (retried) and the two oldest containers answer malformed flows (metering exceptions). The run
 * happens once per JVM and is shared by the test classes that read what it left.
 */
final class NightlyRun {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int CONTAINERS = 30;

    private static NightlyRun shared;

    final TestDatabase.Database database;
    final SandboxServer sandbox;
    final PushgatewayStandIn pushgateway;
    final Path workDir;
    final Path textfile;
    final LocalDate day;
    final Instant started;
    final int exit;

    private NightlyRun() throws IOException {
        database = TestDatabase.fresh();
        sandbox = SandboxServer.start(SandboxConfig.defaults().withContainers(CONTAINERS).withSeed(7));
        pushgateway = PushgatewayStandIn.answering(200);
        workDir = Files.createTempDirectory("flowbill-nightly-metrics");
        textfile = workDir.resolve("textfile/flowbill.prom");
        day = LocalDate.ofInstant(Instant.now().minus(Duration.ofMinutes(10)), ZONE).minusDays(1);
        List<Container> oldest = sandbox.fleet().list().stream()
                .sorted(Comparator.comparing(Container::createdAt)).limit(2).toList();
        sandbox.faults().failNext(Endpoint.FLOW, 3, Fault.SERVER_ERROR)
                .malformedFlowFor(oldest.get(0).id(), MalformedFlow.NOT_A_NUMBER)
                .malformedFlowFor(oldest.get(1).id(), MalformedFlow.NEGATIVE);
        started = Instant.now();
        exit = nightly(pushgateway.url().toString());
    }

    static synchronized NightlyRun shared() {
        if (shared == null) {
            try {
                shared = new NightlyRun();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Runs {@code nightly --date day} again, pushing to {@code pushgatewayUrl}; returns its exit code. */
    int nightly(String pushgatewayUrl) throws IOException {
        Path tokenFile = workDir.resolve("token");
        Files.writeString(tokenFile, sandbox.token());
        List<String> args = new ArrayList<>(List.of("nightly", "--date", day.toString(),
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--flowbill.api.base-url=" + sandbox.baseUrl(),
                "--flowbill.api.token-file=" + tokenFile,
                "--flowbill.export.dir=" + workDir.resolve("exports"),
                "--flowbill.metrics.pushgateway.url=" + pushgatewayUrl,
                "--flowbill.metrics.textfile=" + textfile));
        args.addAll(TestSeller.ARGS);
        return FlowbillCli.run(args.toArray(String[]::new));
    }

    Connection connect() throws SQLException {
        return database.connect();
    }
}

package io.flowbill.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flowbill.sandbox.FaultConfig;
import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.TestDatabase;

/**
 * Runs {@code nightly --date 2026-11-20} of a small fleet as a separate process, hurts it (SIGKILL at a step, the
 * database ending its connections, a flaky API), runs the same command again until it exits 0 (at most
 * {@value #RERUNS} times), and compares the database and the export files with a fault-free run of the same day
 * on a fresh database. One sandbox and one reference run serve every case of a test class.
 */
final class FaultMatrix implements AutoCloseable {

    static final LocalDate DAY = LocalDate.parse("2026-11-20");
    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    static final int CONTAINERS = 48;
    static final long SEED = 5;
    static final int RERUNS = 3;
    static final Duration PATIENCE = Patience.seconds(180);
    static final Map<String, String> ENVIRONMENT = Map.of("FLOWBILL_METERING_CHUNK_SIZE", "100",
            "FLOWBILL_INVOICING_CHUNK_SIZE", "10", "FLOWBILL_API_REQUESTS_PER_SECOND", "0");

    private final SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withContainers(CONTAINERS)
            .withSeed(SEED).withClock(SandboxClock.fixed(NOW)));
    private final List<CaseResult> results = new ArrayList<>();
    private Reference reference;

    /** A case's own database and export folder. */
    private record Target(TestDatabase.Database database, Path exportDir) {
    }

    /** SIGKILL at the point, then the same command again. */
    CaseResult kill(Strike strike) throws Exception {
        return run("SIGKILL at " + strike.label(), strike, true, null);
    }

    /** Every connection of the run ended by PostgreSQL at the point; the run goes on as it can, then again. */
    CaseResult endConnections(Strike strike) throws Exception {
        return run("connections ended at " + strike.label(), strike, false, null);
    }

    /** The whole run, and each repeat, against an API with these faults. */
    CaseResult flakyApi(String name, FaultConfig faults) throws Exception {
        return run(name, null, false, faults);
    }

    List<CaseResult> results() {
        return List.copyOf(results);
    }

    Reference reference() throws Exception {
        if (reference == null) {
            Target target = target();
            FlowbillJar.Outcome outcome = nightly(target).finish(PATIENCE);
            if (outcome.exitCode() != 0) {
                throw new IllegalStateException("the fault-free reference run failed: " + outcome.output());
            }
            reference = new Reference(BillingRows.of(target.database()), ExportFiles.of(target.exportDir()));
        }
        return reference;
    }

    private CaseResult run(String name, Strike strike, boolean kill, FaultConfig faults) throws Exception {
        Reference expected = reference();
        Target target = target();
        String observed = "the API's faults throughout";
        int runs = 0;
        FlowbillJar.Outcome last = null;
        try (CaseDatabase db = new CaseDatabase(target.database())) {
            if (faults != null) {
                sandbox.faults().apply(faults);
            }
            if (strike != null) {
                Scene scene = new Scene(db, sandbox, expected, target.exportDir(), DAY);
                strike.prepare(scene);
                FlowbillJar.Running first = nightly(target);
                scene.watch(first);
                runs++;
                try {
                    observed = strike.reach(scene);
                    if (kill) {
                        first.kill();
                        db.terminateOtherConnections();
                        scene.undo();
                    }
                    else {
                        observed += ", connections ended: " + db.terminateOtherConnections();
                        scene.undo();
                        last = first.finish(PATIENCE);
                        observed += ", that run exited " + last.exitCode();
                    }
                }
                finally {
                    if (first.isAlive()) {
                        first.kill();
                    }
                    scene.undo();
                    sandbox.faults().reset();
                }
            }
            for (int again = 0; again < RERUNS && (last == null || last.exitCode() != 0); again++) {
                runs++;
                last = nightly(target).finish(PATIENCE);
            }
        }
        finally {
            sandbox.faults().reset();
        }
        CaseResult result = new CaseResult(name, observed, runs, last.exitCode() == 0,
                last.exitCode() == 0 ? "" : last.reason(), BillingRows.of(target.database()).against(expected.rows()),
                ExportFiles.of(target.exportDir()).differingFrom(expected.files()));
        results.add(result);
        return result;
    }

    private FlowbillJar.Running nightly(Target target) throws IOException {
        return FlowbillJar.command("nightly", "--date", DAY.toString()).database(target.database())
                .api(sandbox.baseUrl(), sandbox.token()).env("FLOWBILL_EXPORT_DIR", target.exportDir().toString())
                .env(ENVIRONMENT).start();
    }

    private Target target() throws IOException {
        return new Target(TestDatabase.fresh(), Files.createTempDirectory("flowbill-reliability"));
    }

    /** Prints the table and keeps it in {@code target/reliability/<title>.md}. */
    void report(String title) throws IOException {
        String table = CaseResult.table(results);
        System.out.println(title + "\n" + table);
        results.forEach(result -> System.out.println(result.describe()));
        Path file = Path.of("target", "reliability", title + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}

package io.flowbill.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
    private Reference closedReference;
    private FlowbillJar.Outcome hurtClose;

    /** A case's own database and export folder. */
    private record Target(TestDatabase.Database database, Path exportDir) {
    }

    /** What is done to the first run at the strike's point. */
    enum Hurt {
        /** SIGKILL. */
        KILL,
        /** Every connection of the run ended by PostgreSQL ({@code pg_terminate_backend}). */
        END_CONNECTIONS,
        /** The connections ended and the database refusing new ones for {@link #UNREACHABLE_FOR}. */
        UNREACHABLE
    }

    static final Duration UNREACHABLE_FOR = Duration.ofSeconds(15);

    /**
     * A pool that hands out its connections without checking them (HikariCP checks one idle for 500 ms or more):
     * after the connections are ended the run records its failure on dead connections, so what it leaves in the
     * job repository is UNKNOWN or STARTED rather than FAILED.
     */
    static final Map<String, String> UNCHECKED_POOL = Map.of("JAVA_TOOL_OPTIONS",
            "-Dcom.zaxxer.hikari.aliveBypassWindowMs=3600000");

    /** SIGKILL at the point, then the same command again. */
    CaseResult kill(Strike strike) throws Exception {
        return run("SIGKILL at " + strike.label(), strike, Hurt.KILL, null, Map.of());
    }

    /** Every connection of the run ended by PostgreSQL at the point; the run goes on as it can, then again. */
    CaseResult endConnections(Strike strike) throws Exception {
        return run("connections ended at " + strike.label(), strike, Hurt.END_CONNECTIONS, null, Map.of());
    }

    /** The same, the first run's pool not checking the connections it hands out ({@link #UNCHECKED_POOL}). */
    CaseResult endConnectionsUnchecked(Strike strike) throws Exception {
        return run("connections ended at " + strike.label() + ", pool unchecked", strike, Hurt.END_CONNECTIONS,
                null, UNCHECKED_POOL);
    }

    /** The connections ended at the point and the database unreachable for {@link #UNREACHABLE_FOR}. */
    CaseResult unreachable(Strike strike) throws Exception {
        return run("database unreachable " + UNREACHABLE_FOR.toSeconds() + " s at " + strike.label(), strike,
                Hurt.UNREACHABLE, null, Map.of());
    }

    /**
     * {@code rate --date} of the day while its {@code nightly} meters it (held as it closes the day's metering
     * windows): the rate must wait for the day's billing lock (it says so), and once the nightly ends, bill the whole
     * day; both exit 0 and the day ends as after the nightly alone.
     */
    CaseResult rateWhileNightlyMeters() throws Exception {
        Reference expected = reference();
        Target target = target();
        String observed;
        FlowbillJar.Outcome rated;
        FlowbillJar.Outcome nightly;
        try (CaseDatabase db = new CaseDatabase(target.database())) {
            Scene scene = new Scene(db, sandbox, expected, target.exportDir(), DAY);
            FlowbillJar.Running first = nightly(target);
            scene.watch(first);
            FlowbillJar.Running rate = null;
            try {
                scene.await("meteringJob started", () -> db.jobStatus("meteringJob") != null);
                DatabaseGate closing = scene.gate(DatabaseGate.before(db.database(), "metered_window", null));
                scene.await("flowStep over, the day's windows held as they close", () -> "COMPLETED".equals(
                        db.stepStatus("flowStep")) && db.waitingFor("advisory") > 0);
                rate = command(target, "rate", "--date", DAY.toString());
                FlowbillJar.Running waiting = rate;
                waiting.await("rate waiting for billing:default:" + DAY, PATIENCE,
                        () -> waiting.output().contains("billing:default:" + DAY + " is being run by another process"));
                observed = "rate waited for the nightly's lock, usage rows " + db.rows("usage_hour") + "/"
                        + expected.usageRows() + ", windows closed " + db.rows("metered_window");
                closing.open();
                scene.undo();
                nightly = first.finish(PATIENCE);
                rated = rate.finish(PATIENCE);
                observed += ", nightly exited " + nightly.exitCode() + ", rate exited " + rated.exitCode()
                        + (rated.exitCode() == 0 ? "" : " (" + rated.reason() + ")");
            }
            finally {
                scene.undo();
                if (first.isAlive()) {
                    first.kill();
                }
                if (rate != null && rate.isAlive()) {
                    rate.kill();
                }
            }
        }
        CaseResult result = new CaseResult("rate --date during the nightly's metering", observed, 2,
                nightly.exitCode() == 0 && rated.exitCode() == 0, rated.exitCode() == 0 ? "" : rated.reason(),
                BillingRows.of(target.database()).against(expected.rows()),
                ExportFiles.of(target.exportDir()).differingFrom(expected.files()));
        results.add(result);
        return result;
    }

    /**
     * {@code close --month 2026-11 --force} after the day's {@code nightly} (the month's other days never rated),
     * held as it makes the invoice FINAL (an update the test's trigger makes wait), every connection ended there;
     * then the same close again until it exits 0. Compared with a fault-free nightly and close on a fresh database.
     */
    CaseResult endConnectionsDuringClose() throws Exception {
        return endConnectionsDuringClose(false);
    }

    /**
     * The same, or with {@code atFiles} a moment later: the invoice FINAL and committed, the close's read of
     * {@code invoice_line} for the files waiting for a table lock the test queued while the FINAL update was held.
     */
    CaseResult endConnectionsDuringClose(boolean atFiles) throws Exception {
        Reference expected = closedReference();
        Target target = target();
        requireExit0("the case's nightly", nightly(target).finish(PATIENCE));
        String observed;
        int runs = 1;
        FlowbillJar.Outcome last;
        try (CaseDatabase db = new CaseDatabase(target.database())) {
            Scene scene = new Scene(db, sandbox, expected, target.exportDir(), DAY);
            DatabaseGate finalUpdate = scene.gate(
                    DatabaseGate.before(db.database(), "update", "invoice", "new.status = 'FINAL'"));
            FlowbillJar.Running first = close(target);
            scene.watch(first);
            try {
                scene.await("close held as it makes the invoice FINAL", () -> db.waitingFor("advisory") > 0);
                if (atFiles) {
                    holdInvoiceLines(scene, finalUpdate);
                    scene.await("the invoice FINAL, the close's read for its files held", () -> db.number(
                            "select count(*) from invoice where status = 'FINAL'") > 0 && db.waitingFor("relation") > 0);
                }
                observed = (atFiles ? "close held reading invoice_line for its files" : "close held making the invoice FINAL")
                        + ", invoices FINAL " + db.number("select count(*) from invoice where status = 'FINAL'")
                        + ", connections ended: " + db.terminateOtherConnections();
                scene.undo();
                last = first.finish(PATIENCE);
                hurtClose = last;
                observed += ", that run exited " + last.exitCode() + " with " + lines(last) + " line(s) on stderr"
                        + (last.exitCode() == 0 ? "" : " (" + last.reason() + ")");
            }
            finally {
                if (first.isAlive()) {
                    first.kill();
                }
                scene.undo();
            }
            for (int again = 0; again < RERUNS && last.exitCode() != 0; again++) {
                runs++;
                last = close(target).finish(PATIENCE);
            }
        }
        CaseResult result = new CaseResult("connections ended at close (" + (atFiles ? "its files" : "invoice made FINAL")
                + ")", observed, runs,
                last.exitCode() == 0, last.exitCode() == 0 ? "" : last.reason(),
                BillingRows.of(target.database()).against(expected.rows()),
                ExportFiles.of(target.exportDir()).differingFrom(expected.files()));
        results.add(result);
        return result;
    }

    /** Queues the test for {@code invoice_line} (behind the held close), then lets the FINAL update through. */
    private static void holdInvoiceLines(Scene scene, DatabaseGate finalUpdate) throws Exception {
        java.sql.Connection locker = CaseDatabase.connect(scene.db().database());
        locker.setAutoCommit(false);
        java.util.concurrent.CompletableFuture<Void> locked = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try (java.sql.Statement statement = locker.createStatement()) {
                statement.execute("lock table invoice_line in access exclusive mode");
            }
            catch (java.sql.SQLException e) {
                throw new IllegalStateException("locking invoice_line failed: " + e.getMessage(), e);
            }
        });
        scene.cleanup(() -> {
            locked.get(Patience.seconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            locker.rollback();
            locker.close();
        });
        scene.await("the test holding or queued for invoice_line", () -> locked.isDone() || scene.db().number(
                "select count(*) from pg_locks where not granted and mode = 'AccessExclusiveLock'") > 0);
        finalUpdate.open();
    }

    /** The close of {@link #endConnectionsDuringClose} the connections were ended in, or null before. */
    FlowbillJar.Outcome hurtClose() {
        return hurtClose;
    }

    /** Lines on stderr (stdout carries Spring Boot's start-up log). */
    static long lines(FlowbillJar.Outcome outcome) {
        return outcome.err().lines().filter(line -> !line.isBlank()).count();
    }

    /** The day's fault-free nightly and then the month's fault-free close, on a fresh database. */
    Reference closedReference() throws Exception {
        if (closedReference == null) {
            Target target = target();
            requireExit0("the fault-free reference nightly", nightly(target).finish(PATIENCE));
            requireExit0("the fault-free reference close", close(target).finish(PATIENCE));
            closedReference = new Reference(BillingRows.of(target.database()), ExportFiles.of(target.exportDir()));
        }
        return closedReference;
    }

    private static void requireExit0(String what, FlowbillJar.Outcome outcome) {
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException(what + " failed: " + outcome.output());
        }
    }

    private FlowbillJar.Running close(Target target) throws IOException {
        return command(target, "close", "--month", YearMonth.from(DAY).toString(), "--force");
    }

    /** The whole run, and each repeat, against an API with these faults. */
    CaseResult flakyApi(String name, FaultConfig faults) throws Exception {
        return run(name, null, Hurt.END_CONNECTIONS, faults, Map.of());
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

    private CaseResult run(String name, Strike strike, Hurt hurt, FaultConfig faults, Map<String, String> firstRun)
            throws Exception {
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
                FlowbillJar.Running first = nightly(target, firstRun);
                scene.watch(first);
                runs++;
                try {
                    observed = strike.reach(scene);
                    if (hurt == Hurt.KILL) {
                        first.kill();
                        db.terminateOtherConnections();
                        scene.undo();
                    }
                    else {
                        if (hurt == Hurt.UNREACHABLE) {
                            db.refuseConnections(true);
                        }
                        observed += ", connections ended: " + db.terminateOtherConnections();
                        scene.undo();
                        if (hurt == Hurt.UNREACHABLE) {
                            // the fault lasts this long: the run meets a database that refuses it meanwhile
                            Thread.sleep(UNREACHABLE_FOR.toMillis());
                            db.refuseConnections(false);
                        }
                        last = first.finish(PATIENCE);
                        observed += ", that run exited " + last.exitCode() + (last.exitCode() == 0 ? ""
                                : " (" + last.reason() + ")") + ", left unfinished: " + db.unfinished();
                    }
                }
                finally {
                    if (first.isAlive()) {
                        first.kill();
                    }
                    db.refuseConnections(false);
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
        return nightly(target, Map.of());
    }

    private FlowbillJar.Running nightly(Target target, Map<String, String> extra) throws IOException {
        return FlowbillJar.command("nightly", "--date", DAY.toString()).database(target.database())
                .api(sandbox.baseUrl(), sandbox.token()).env("FLOWBILL_EXPORT_DIR", target.exportDir().toString())
                .env(ENVIRONMENT).env(extra).start();
    }

    private FlowbillJar.Running command(Target target, String... args) throws IOException {
        return FlowbillJar.command(args).database(target.database()).api(sandbox.baseUrl(), sandbox.token())
                .env("FLOWBILL_EXPORT_DIR", target.exportDir().toString()).env(ENVIRONMENT).start();
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

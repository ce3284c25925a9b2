package io.flowbill.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestRabbit;

/**
 * The bill of a day for three tenants of different sizes, prices and plans ({@link ThreeTenants}) is the same, line
 * for line and file for file ({@link BillSnapshot}), whether one process makes it or a manager and two worker
 * processes do through Spring Batch remote partitioning over RabbitMQ, also when one worker is killed with SIGKILL in
 * the middle of its partition; and a tenant whose token is refused fails alone. Every process is the real jar.
 *
 * <p>Each run has its own fresh database and export folder. The sandboxes limit each account to
 * {@value #ACCOUNT_LIMIT} requests a second; each process's client keeps an account under a third of it, so even
 * three processes on one account are never refused (a refused call retried to exhaustion would leave traffic
 * pending: another bill). The kill run slows the clients to {@value #SLOW_RATE} a second so a partition lasts many
 * seconds and the kill lands inside one.
 *
 * <p>What it relies on of the accounts, rating and cluster work: every command takes {@code flowbill.accounts} (as
 * {@code FLOWBILL_ACCOUNTS_<i>_*} variables) without {@code flowbill.api.*}; {@code flowbill.metering.partitions},
 * {@code flowbill.invoicing.partitions}; {@code flowbill.cluster.enabled} and {@code flowbill.cluster.requests-queue}
 * with {@code spring.rabbitmq.*}; a {@code worker} command whose log matches {@link #WORKER_READY} once it listens;
 * partition step executions named {@code flowPartitionStep:partition<i>} ({@code FlowPartitioner}) and
 * {@code ratingPartitionStep:containers<i>} ({@code ContainerRanges}), each logged by the worker that ran it as
 * {@code Partition <name> (...) ended <status>} ({@code PartitionWorker}); a failed tenant named on the last line, {@code failed tenants: ...}. After the kill the
 * manager either completes, or fails and the same command completes the day (both are allowed by issue 14).
 */
@Slow
class ScaleOutBillIT {

    static final String DAY = ThreeTenants.DAY.toString();
    static final int ACCOUNT_LIMIT = 1_000;
    static final int RATE = 300;
    static final int SLOW_RATE = 90;
    static final Duration RUN_PATIENCE = Patience.seconds(900);
    /** How a worker says it listens for partitions (cluster/ClusterWorkerConfiguration, docs/scaling.md). */
    /** How a worker logs a partition it starts and ends (cluster/PartitionWorker). */
    static final Pattern PARTITION_LOG = Pattern.compile("Partition \\S+ \\(step execution (\\d+) of [^)]*\\) (started|ended)");
    static final Pattern WORKER_READY = Pattern.compile("Worker taking partitions from queue '[^']+'");

    static ThreeTenants tenants;
    static Run oneProcess;
    static final List<FlowbillJar.Running> started = new ArrayList<>();

    /** One run's database, export folder and bill. */
    record Run(TestDatabase.Database database, Path exports, FlowbillJar.Outcome outcome) {

        BillSnapshot bill(List<String> of) throws SQLException, IOException {
            return BillSnapshot.of(database, of, exports);
        }
    }

    @BeforeAll
    static void startSandboxes() throws IOException {
        tenants = ThreeTenants.start(ACCOUNT_LIMIT, RATE, 8);
    }

    /** A test that failed leaves no process behind to hold its database connections in the next one. */
    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (FlowbillJar.Running running : started) {
            if (running.isAlive()) {
                running.kill();
            }
        }
        started.clear();
    }

    @AfterAll
    static void stopSandboxes() {
        tenants.close();
    }

    @Test
    void oneProcessBillsTheThreeTenants() throws Exception {
        Run a = reference();

        assertThat(a.outcome().exitCode()).as("exit of nightly --date %s in one process: %s", DAY, a.outcome().reason())
                .isZero();
        BillSnapshot bill = a.bill(tenants.tenants());
        for (String tenant : tenants.tenants()) {
            assertThat(bill.table("charge_line").keySet()).as("charge lines of %s", tenant)
                    .anyMatch(key -> key.startsWith("[" + tenant + ","));
            assertThat(bill.files().keySet()).as("export files of %s", tenant).anyMatch(f -> f.startsWith(tenant + "/"));
        }
        assertThat(bill.table("month_charge_line").values()).as("initech's commitment shortfall")
                .anyMatch(row -> row.get("tenant_id").equals("initech") && row.get("item").equals("commitment_shortfall"));
        assertThat(bill.table("month_charge_line").values()).as("globex's discounts")
                .anyMatch(row -> row.get("tenant_id").equals("globex") && row.get("item").equals("discount"));
        assertThat(bill.table("charge_line").values()).as("acme's negotiated prices (book+plan versions)")
                .anyMatch(row -> row.get("tenant_id").equals("acme") && row.get("price_version").contains("+acme-2026"));
    }

    @Test
    void aManagerAndTwoWorkersMakeTheSameBill() throws Exception {
        TestRabbit.Broker broker = TestRabbit.broker();
        Run a = reference();
        TestDatabase.Database db = TestDatabase.fresh();
        Path exports = Files.createTempDirectory("flowbill-scale-out-b");
        Map<String, String> cluster = cluster(broker);

        FlowbillJar.Running first = start(worker(db, exports, cluster, RATE));
        FlowbillJar.Running second = start(worker(db, exports, cluster, RATE));
        awaitReady(first);
        awaitReady(second);
        FlowbillJar.Outcome manager = jar(db, exports, cluster, RATE, "nightly", "--date", DAY).start()
                .finish(RUN_PATIENCE);

        assertThat(manager.exitCode()).as("exit of the manager's nightly: %s", manager.reason()).isZero();
        assertThat(partitionsRun(db)).as("partition step executions completed").isPositive();
        String workers = first.output() + second.output();
        assertThat(workers).as("what the workers ran: partitions of both partitioned steps")
                .containsPattern("Partition flowPartitionStep:partition\\d+ .* ended COMPLETED")
                .containsPattern("Partition ratingPartitionStep:containers\\d+ .* ended COMPLETED");
        BillSnapshot.assertSameBill(a.bill(tenants.tenants()), new Run(db, exports, manager).bill(tenants.tenants()));
    }

    @Test
    void aWorkerKilledInsideItsPartitionLosesAndDoublesNothing() throws Exception {
        TestRabbit.Broker broker = TestRabbit.broker();
        Run a = reference();
        TestDatabase.Database db = TestDatabase.fresh();
        Path exports = Files.createTempDirectory("flowbill-scale-out-c");
        Map<String, String> cluster = cluster(broker);

        FlowbillJar.Running victim = start(worker(db, exports, cluster, SLOW_RATE));
        FlowbillJar.Running survivor = start(worker(db, exports, cluster, SLOW_RATE));
        awaitReady(victim);
        awaitReady(survivor);
        FlowbillJar.Running manager = start(jar(db, exports, cluster, SLOW_RATE, "nightly", "--date", DAY));
        // the victim's own log says which partitions it is inside; the database, that they are still running
        List<Long> stillHeld = new ArrayList<>();
        manager.await("the victim worker inside a partition", RUN_PATIENCE, () -> {
            stillHeld.clear();
            stillHeld.addAll(inside(victim));
            stillHeld.retainAll(startedPartitions(db));
            return !stillHeld.isEmpty();
        });
        victim.kill();

        FlowbillJar.Outcome first = manager.finish(RUN_PATIENCE);
        FlowbillJar.Outcome last = first;
        if (first.exitCode() != 0) {
            // the partition is run again on restart: the same command completes it
            last = jar(db, exports, cluster, SLOW_RATE, "nightly", "--date", DAY).start().finish(RUN_PATIENCE);
        }

        assertThat(last.exitCode()).as("the manager's nightly after the kill (first exit %d: %s), then: %s",
                first.exitCode(), first.reason(), last.reason()).isZero();
        assertThat(stepStatus(db, stillHeld.get(0))).as("the killed partition %d", stillHeld.get(0))
                .isNotEqualTo("STARTED");
        BillSnapshot.assertSameBill(a.bill(tenants.tenants()), new Run(db, exports, last).bill(tenants.tenants()));
    }

    @Test
    void aTenantWhoseTokenIsRefusedFailsAlone() throws Exception {
        Run a = reference();
        TestDatabase.Database db = TestDatabase.fresh();
        Path exports = Files.createTempDirectory("flowbill-scale-out-d");
        Map<String, Path> wrong = Map.of("globex", tenants.wrongTokenFile("globex"));

        FlowbillJar.Outcome outcome = FlowbillJar.command("nightly", "--date", DAY).database(db)
                .env(tenants.environment(wrong, RATE)).env(common(exports)).start().finish(RUN_PATIENCE);

        assertThat(outcome.exitCode()).as("exit with globex's token refused: %s", outcome.reason()).isEqualTo(1);
        String lastLine = lastLine(outcome);
        assertThat(lastLine).as("the last line names the failed tenant, and only it")
                .contains("failed tenants:", "globex").doesNotContain("acme", "initech");
        List<String> others = List.of("acme", "initech");
        BillSnapshot.assertSameBill(a.bill(others), new Run(db, exports, outcome).bill(others));
        assertThat(new Run(db, exports, outcome).bill(List.of("globex")).table("charge_line"))
                .as("globex's charge lines").isEmpty();
    }

    @Test
    void aWorkerWhosePoolCannotHoldItsPartitionsRefusesToStart() throws Exception {
        TestRabbit.Broker broker = TestRabbit.broker();
        TestDatabase.Database db = TestDatabase.fresh();
        Path exports = Files.createTempDirectory("flowbill-scale-out-e");

        // four partitions at once need 3 x 4 + 1 = 13 connections; the pool has 12
        FlowbillJar.Outcome outcome = worker(db, exports, cluster(broker), RATE)
                .env(Map.of("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "12")).start().finish(Patience.seconds(120));

        assertThat(outcome.exitCode()).as("exit of a worker with too small a pool: %s", outcome.reason()).isEqualTo(2);
        assertThat(outcome.output()).contains("flowbill.cluster.worker-concurrency 4 needs 13 pooled connections")
                .contains("spring.datasource.hikari.maximum-pool-size is 12");
    }

    /** The one-process run, made once for every comparison. */
    static synchronized Run reference() throws Exception {
        if (oneProcess == null) {
            TestDatabase.Database db = TestDatabase.fresh();
            Path exports = Files.createTempDirectory("flowbill-scale-out-a");
            FlowbillJar.Outcome outcome = FlowbillJar.command("nightly", "--date", DAY).database(db)
                    .env(tenants.environment(Map.of(), RATE)).env(common(exports)).start().finish(RUN_PATIENCE);
            oneProcess = new Run(db, exports, outcome);
            assertThat(outcome.exitCode()).as("the reference run, nightly --date %s in one process: %s", DAY,
                    outcome.reason()).isZero();
        }
        return oneProcess;
    }

    /** What every run shares: the export folder, many small partitions, a pool large enough for them. */
    private static Map<String, String> common(Path exports) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("FLOWBILL_EXPORT_DIR", exports.toString());
        variables.put("FLOWBILL_METERING_PARTITIONS", "6");
        variables.put("FLOWBILL_INVOICING_PARTITIONS", "4");
        variables.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "16");
        return variables;
    }

    /** The cluster settings of a manager and its workers: the broker and a queue of this test's own. */
    private static Map<String, String> cluster(TestRabbit.Broker broker) {
        Map<String, String> variables = new LinkedHashMap<>(broker.environment());
        variables.put("FLOWBILL_CLUSTER_ENABLED", "true");
        variables.put("FLOWBILL_CLUSTER_REQUESTSQUEUE", TestRabbit.uniqueQueue("scale-out"));
        // four partitions at once per worker: 3 x 4 + 1 = 13 pooled connections, under the pool of 16 (common)
        variables.put("FLOWBILL_CLUSTER_WORKERCONCURRENCY", "4");
        return variables;
    }

    private static FlowbillJar jar(TestDatabase.Database db, Path exports, Map<String, String> cluster, int rate,
            String... args) {
        return FlowbillJar.command(args).database(db).env(tenants.environment(Map.of(), rate)).env(common(exports))
                .env(cluster);
    }

    private static FlowbillJar worker(TestDatabase.Database db, Path exports, Map<String, String> cluster, int rate) {
        return jar(db, exports, cluster, rate, "worker");
    }

    private static FlowbillJar.Running start(FlowbillJar jar) throws IOException {
        FlowbillJar.Running running = jar.start();
        started.add(running);
        return running;
    }

    private static void awaitReady(FlowbillJar.Running worker) throws Exception {
        worker.await("the worker listens for partitions (" + WORKER_READY + ")", Patience.seconds(120),
                () -> WORKER_READY.matcher(worker.output()).find());
    }

    private static String lastLine(FlowbillJar.Outcome outcome) {
        for (String stream : List.of(outcome.err(), outcome.out())) {
            List<String> lines = stream.lines().filter(line -> !line.isBlank()).toList();
            if (!lines.isEmpty() && lines.get(lines.size() - 1).contains("failed tenants:")) {
                return lines.get(lines.size() - 1);
            }
        }
        return outcome.reason();
    }

    /** The step executions of the partitions {@code worker} logged as started and not yet as ended. */
    private static List<Long> inside(FlowbillJar.Running worker) throws IOException {
        Set<Long> running = new TreeSet<>();
        Matcher log = PARTITION_LOG.matcher(worker.output());
        while (log.find()) {
            Long id = Long.valueOf(log.group(1));
            if (log.group(2).equals("started")) {
                running.add(id);
            }
            else {
                running.remove(id);
            }
        }
        return new ArrayList<>(running);
    }

    /** Partition step executions now STARTED (a worker is inside them). */
    private static List<Long> startedPartitions(TestDatabase.Database db) throws SQLException {
        return ids(db, "select step_execution_id from batch_step_execution where status = 'STARTED'"
                + " and step_name like '%Partition%:%' order by step_execution_id");
    }

    private static long partitionsRun(TestDatabase.Database db) throws SQLException {
        return ids(db, "select step_execution_id from batch_step_execution where status = 'COMPLETED'"
                + " and step_name like '%Partition%:%'").size();
    }

    private static String stepStatus(TestDatabase.Database db, long stepExecution) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "select status from batch_step_execution where step_execution_id = ?")) {
            s.setLong(1, stepExecution);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "(none)";
            }
        }
    }

    private static List<Long> ids(TestDatabase.Database db, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from information_schema.tables where table_name = 'batch_step_execution'");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return ids;
            }
        }
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}

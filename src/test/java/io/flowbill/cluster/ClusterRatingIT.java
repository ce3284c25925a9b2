package io.flowbill.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Migrations;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestRabbit;

/**
 * {@code rate} of one day with {@code flowbill.cluster.enabled}: a manager and two real {@code worker} processes bill
 * the day exactly as one process does (charge lines, package days, invoice), also when a worker is killed (SIGKILL)
 * inside a partition, whose unacknowledged request RabbitMQ then gives to the other worker. Needs RabbitMQ
 * ({@link TestRabbit}): skipped without one.
 */
@Slow
class ClusterRatingIT {

    static final String DAY = FixtureFleet.DAY.toString();
    /** Containers beside the fixture's five: four partitions of about 200, rated one container per transaction. */
    static final int MORE_CONTAINERS = 800;
    static final Pattern PARTITION_STARTED = Pattern.compile(
            "Partition (ratingPartitionStep:\\w+) \\(step execution (\\d+) of ratingJob execution \\d+\\)"
                    + " started");

    static final SandboxServer api = SandboxServer.start(SandboxConfig.defaults().withContainers(0));
    static Map<String, List<String>> oneProcess;

    final List<FlowbillJar.Running> workers = new ArrayList<>();
    TestRabbit.Broker rabbit;
    String queue;

    @BeforeAll
    static void billTheDayInOneProcess() throws Exception {
        TestRabbit.broker();
        TestDatabase.Database db = fixture();
        FlowbillJar.Outcome rate = flowbill(db, "rate", "--date", DAY).run();
        assertThat(rate.exitCode()).as("exit code of 'rate --date %s' in one process: %s", DAY, rate.output())
                .isZero();
        oneProcess = bill(db);
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
        TestDatabase.Database db = fixture();
        startWorkers(db);

        FlowbillJar.Outcome rate = manager(db).finish(Patience.seconds(300));

        assertThat(rate.exitCode()).as("exit code of the manager's 'rate --date %s': %s", DAY, rate.output()).isZero();
        assertThat(bill(db)).as("the day's bill by a manager and 2 workers vs. one process").isEqualTo(oneProcess);
        assertThat(partitionStatuses(db)).as("partitions of ratingStep").hasSize(4).containsOnly("COMPLETED");
        for (FlowbillJar.Running worker : workers) {
            assertThat(worker.output()).as("a worker's log").containsPattern(PARTITION_STARTED);
        }
    }

    @Test
    void aWorkerKilledInsideAPartitionLosesAndDoublesNothing() throws Exception {
        TestDatabase.Database db = fixture();
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
        assertThat(bill(db)).as("the day's bill with a worker killed in %s vs. one process", inside[0].partition())
                .isEqualTo(oneProcess);
        assertThat(partitionStatuses(db)).as("partitions of ratingStep").hasSize(4).containsOnly("COMPLETED");
        assertThat(jdbc(db).queryForObject("""
                select e.status from batch_job_execution e join batch_job_instance i using (job_instance_id)
                 where i.job_name = 'ratingJob' order by e.job_execution_id desc limit 1
                """, String.class)).as("the manager's ratingJob execution").isEqualTo("COMPLETED");
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
                Integer commits = jdbc(db).queryForObject("select count(*) from batch_step_execution where"
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
            workers.add(cluster(flowbill(db, "worker"))
                    // one container per transaction: a partition takes long enough to be killed inside
                    .env("FLOWBILL_INVOICING_CHUNK_SIZE", "1").start());
        }
        for (FlowbillJar.Running worker : workers) {
            worker.await("the worker started", Patience.seconds(240),
                    () -> worker.output().contains("Started FlowbillCli"));
        }
    }

    private FlowbillJar.Running manager(TestDatabase.Database db) throws IOException {
        return cluster(flowbill(db, "rate", "--date", DAY))
                // a partition lost for good fails the step within the test's patience instead of after 6 hours
                .env("FLOWBILL_CLUSTER_PARTITION_TIMEOUT", Patience.seconds(150).toSeconds() + "s").start();
    }

    private FlowbillJar cluster(FlowbillJar jar) {
        return jar.env(rabbit.environment()).env("FLOWBILL_CLUSTER_ENABLED", "true")
                .env("FLOWBILL_CLUSTER_REQUESTS_QUEUE", queue).env("FLOWBILL_CLUSTER_POLL_INTERVAL", "200ms");
    }

    private static FlowbillJar flowbill(TestDatabase.Database db, String... args) throws IOException {
        return FlowbillJar.command(args).database(db).api(api.baseUrl(), api.token())
                .env("FLOWBILL_PRICING_PRICE_BOOK", Path.of("src/test/resources/pricing/fixture-book.yaml")
                        .toAbsolutePath().toString())
                .env("FLOWBILL_INVOICING_PARTITIONS", "4")
                .env("FLOWBILL_METERING_TENANT", FixtureFleet.TENANT)
                .env("FLOWBILL_EXPORT_DIR", Files.createTempDirectory("flowbill-cluster").toString());
    }

    /** A fresh database with the fixture fleet's day and {@value #MORE_CONTAINERS} more containers on demand. */
    private static TestDatabase.Database fixture() {
        TestDatabase.Database db = Migrations.apply(TestDatabase.fresh());
        JdbcTemplate jdbc = jdbc(db);
        new FixtureFleet(jdbc).clear().insertDay();
        FixtureFleet.meteringCompleted(jdbc, FixtureFleet.TENANT, FixtureFleet.DAY);
        java.sql.Timestamp start = java.sql.Timestamp.from(FixtureFleet.local(FixtureFleet.DAY, 0));
        jdbc.update("""
                insert into container (tenant_id, container_id, name, created_at, first_seen_at, last_seen_at)
                select ?, 1000 + i, 'bulk-' || i, ?, ?, ? from generate_series(1, ?) i
                """, FixtureFleet.TENANT, start, start, start, MORE_CONTAINERS);
        jdbc.update("""
                insert into usage_hour (tenant_id, container_id, window_start, status, billable, charge_type, spec_id,
                  use_public_network, network_charge_type, bandwidth, active_seconds, up_mb, down_mb, inferred, run_id,
                  metered_at)
                select ?, 1000 + i, ?::timestamptz + h * interval '1 hour', 'create_succ', true, 2, 10 + (i % 3) * 10,
                  1, 2, 0, 3600, (i % 7) * 100 + h, 0, false, 1, now()
                  from generate_series(1, ?) i, generate_series(0, 23) h
                """, FixtureFleet.TENANT, start, MORE_CONTAINERS);
        return db;
    }

    /** The day's charge lines, package days and invoice with its lines, row by row (no ids, run ids or times). */
    private static Map<String, List<String>> bill(TestDatabase.Database db) {
        JdbcTemplate jdbc = jdbc(db);
        Map<String, List<String>> bill = new LinkedHashMap<>();
        bill.put("charge_line", jdbc.queryForList("""
                select concat_ws('|', tenant_id, charge_date, container_id, item, tier, charge_type, spec_id,
                  price_version, quantity, unit, unit_price, amount, currency) as row from charge_line order by row
                """, String.class));
        bill.put("package_day", jdbc.queryForList("""
                select concat_ws('|', tenant_id, charge_date, container_id, spec_id, price_version, package_seconds,
                  outbound_mb) as row from package_day order by row
                """, String.class));
        bill.put("invoice", jdbc.queryForList("""
                select concat_ws('|', tenant_id, billing_month, status, currency, total, lines) as row from invoice
                 order by row
                """, String.class));
        bill.put("invoice_line", jdbc.queryForList("""
                select concat_ws('|', i.tenant_id, i.billing_month, l.container_id, l.item, l.tier, l.unit_price,
                  l.corrects_month, l.quantity, l.unit, l.amount, l.currency) as row
                  from invoice_line l join invoice i on i.id = l.invoice_id order by row
                """, String.class));
        assertThat(bill.get("charge_line")).as("charge lines of %s", DAY).hasSizeGreaterThan(MORE_CONTAINERS);
        return bill;
    }

    /** The statuses of the partitions of the latest ratingJob execution. */
    private static List<String> partitionStatuses(TestDatabase.Database db) {
        return jdbc(db).queryForList("""
                select s.status from batch_step_execution s
                 where s.step_name like 'ratingPartitionStep:%' and s.job_execution_id = (select max(e.job_execution_id)
                   from batch_job_execution e join batch_job_instance i using (job_instance_id)
                  where i.job_name = 'ratingJob')
                """, String.class);
    }

    private static JdbcTemplate jdbc(TestDatabase.Database db) {
        return new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
    }
}

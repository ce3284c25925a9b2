package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;

/**
 * Runs the real jar as a separate process ({@link FlowbillJar}), kills it (SIGKILL) half way through a day, runs
 * the same command again, and compares the result with an uninterrupted run: a crash leaves no duplicates and loses
 * nothing (spring-batch RestartFunctionalTests, at process level).
 */
@Slow
class MeteringRestartIT {

    static final SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withContainers(300).withSeed(5)
            .withClock(SandboxClock.fixed(SmallFleet.NOW)));

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void runKilledHalfWayAndRunAgainEndsIdenticalToAnUninterruptedRun() throws Exception {
        TestDatabase.Database interrupted = TestDatabase.fresh();
        TestDatabase.Database uninterrupted = TestDatabase.fresh();
        sandbox.faults().latency(Duration.ofMillis(3), Duration.ZERO);

        FlowbillJar.Running first = meter(interrupted);
        first.await("the first run wrote 600 usage rows", Patience.seconds(90), () -> usageRows(interrupted) >= 600);
        long partial = usageRows(interrupted);
        first.kill();
        long atKill = count(interrupted, "select count(*) from usage_hour");
        sandbox.faults().latency(Duration.ZERO, Duration.ZERO);
        int resumed = finish(meter(interrupted));
        int clean = finish(meter(uninterrupted));

        assertThat(partial).as("the first run wrote part of the day before it was killed").isPositive();
        assertThat(resumed).as("the rerun after the kill completes").isZero();
        assertThat(clean).isZero();
        long total = count(uninterrupted, "select count(*) from usage_hour");
        assertThat(atKill).as("killed half way").isLessThan(total);
        assertThat(usage(interrupted)).as("usage after kill and rerun equals an uninterrupted run")
                .isEqualTo(usage(uninterrupted));
        assertThat(statuses(interrupted)).as("batch executions of the interrupted instance")
                .containsExactly("FAILED", "COMPLETED");
    }

    private static FlowbillJar.Running meter(TestDatabase.Database db) throws IOException {
        return FlowbillJar.command("meter", "--from", SmallFleet.DAY.toString(), "--to",
                SmallFleet.DAY.plus(Duration.ofDays(1)).toString()).database(db).api(sandbox.baseUrl(), sandbox.token())
                .env("FLOWBILL_EXPORT_DIR", Files.createTempDirectory("flowbill-meter").toString())
                .env("FLOWBILL_METERING_CHUNK_SIZE", "100").env("FLOWBILL_API_REQUESTS_PER_SECOND", "0").start();
    }

    private static int finish(FlowbillJar.Running process) throws IOException, InterruptedException {
        return process.finish(Patience.seconds(180)).exitCode();
    }

    private static long usageRows(TestDatabase.Database db) throws SQLException {
        return tableExists(db) ? count(db, "select count(*) from usage_hour") : 0;
    }

    private static boolean tableExists(TestDatabase.Database db) throws SQLException {
        return count(db, "select count(*) from information_schema.tables where table_name = 'usage_hour'") > 0;
    }

    private static List<String> usage(TestDatabase.Database db) throws SQLException {
        return strings(db, """
                select container_id || ' ' || window_start || ' ' || status || ' ' || charge_type || ' ' || spec_id
                       || ' ' || active_seconds || ' ' || coalesce(up_mb::text, '-') || ' ' || coalesce(down_mb::text, '-')
                       || ' ' || inferred
                  from usage_hour order by container_id, window_start
                """);
    }

    private static List<String> statuses(TestDatabase.Database db) throws SQLException {
        return strings(db, "select status from batch_job_execution order by job_execution_id");
    }

    private static List<String> strings(TestDatabase.Database db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static long count(TestDatabase.Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}

package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
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
 * Kills (SIGKILL) the real jar's {@code nightly} while {@code ratingJob} runs, then rates the day again: the
 * execution the dead process left STARTED is marked FAILED and resumed, and the day is billed (it used to exit 1
 * with "A job execution for this job is already running" for good).
 */
@Slow
class NightlyKilledDuringRatingIT {

    static final String DAY = "2026-11-20";
    static final SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withContainers(300).withSeed(5)
            .withClock(SandboxClock.fixed(Instant.parse("2026-11-21T02:00:00Z"))));

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aDayWhoseRatingWasKilledIsRatedByTheNextRun() throws Exception {
        TestDatabase.Database db = TestDatabase.fresh();

        FlowbillJar.Running nightly = flowbill(db, "nightly", "--date", DAY);
        nightly.await("nightly started ratingJob", Patience.seconds(300),
                () -> tableExists(db) && ratingStatuses(db).contains("STARTED"));
        nightly.kill();
        List<String> atKill = ratingStatuses(db);
        int rate = flowbill(db, "rate", "--date", DAY).finish(Patience.seconds(300)).exitCode();

        assertThat(atKill).as("ratingJob executions when the process was killed").containsExactly("STARTED");
        assertThat(rate).as("exit code of 'rate --date %s' after the kill", DAY).isZero();
        assertThat(ratingStatuses(db)).as("ratingJob executions: the dead one recovered, then resumed to the end")
                .containsExactly("FAILED", "COMPLETED");
        assertThat(count(db, "select count(*) from charge_line where charge_date = date '" + DAY + "'"))
                .as("charge lines of %s", DAY).isPositive();
    }

    private static FlowbillJar.Running flowbill(TestDatabase.Database db, String... args) throws IOException {
        return FlowbillJar.command(args).database(db).api(sandbox.baseUrl(), sandbox.token())
                .env("FLOWBILL_API_REQUESTS_PER_SECOND", "0")
                // one container per transaction: rating takes long enough to be killed half way
                .env("FLOWBILL_INVOICING_CHUNK_SIZE", "1").env("FLOWBILL_INVOICING_PARTITIONS", "1")
                .env("FLOWBILL_EXPORT_DIR", Files.createTempDirectory("flowbill-killed").toString()).start();
    }

    private static boolean tableExists(TestDatabase.Database db) throws SQLException {
        return count(db, "select count(*) from information_schema.tables where table_name = 'batch_job_execution'") > 0;
    }

    private static List<String> ratingStatuses(TestDatabase.Database db) throws SQLException {
        List<String> statuses = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select e.status from batch_job_execution e join batch_job_instance i using (job_instance_id)
                 where i.job_name = 'ratingJob' order by e.job_execution_id
                """)) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        }
        return statuses;
    }

    private static long count(TestDatabase.Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.TestDatabase;

/**
 * Kills (SIGKILL) the real jar's {@code nightly} while {@code ratingJob} runs, then rates the day again: the
 * execution the dead process left STARTED is marked FAILED and resumed, and the day is billed (it used to exit 1
 * with "A job execution for this job is already running" for good).
 */
class NightlyKilledDuringRatingIT {

    static final Path JAR = Path.of("target", "flowbill.jar");
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

        Process nightly = flowbill(db, "nightly", "--date", DAY);
        waitForStartedRating(db, nightly, Duration.ofSeconds(300));
        nightly.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        List<String> atKill = ratingStatuses(db);
        int rate = finish(flowbill(db, "rate", "--date", DAY));

        assertThat(atKill).as("ratingJob executions when the process was killed").containsExactly("STARTED");
        assertThat(rate).as("exit code of 'rate --date %s' after the kill", DAY).isZero();
        assertThat(ratingStatuses(db)).as("ratingJob executions: the dead one recovered, then resumed to the end")
                .containsExactly("FAILED", "COMPLETED");
        assertThat(count(db, "select count(*) from charge_line where charge_date = date '" + DAY + "'"))
                .as("charge lines of %s", DAY).isPositive();
    }

    private static Process flowbill(TestDatabase.Database db, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("FLOWBILL_") || key.startsWith("SPRING_"));
        env.put("SPRING_DATASOURCE_URL", db.url());
        env.put("SPRING_DATASOURCE_USERNAME", db.user());
        env.put("SPRING_DATASOURCE_PASSWORD", db.password());
        env.put("FLOWBILL_API_BASE_URL", sandbox.baseUrl().toString());
        env.put("FLOWBILL_API_TOKEN", sandbox.token());
        env.put("FLOWBILL_API_REQUESTS_PER_SECOND", "0");
        // one container per transaction: rating takes long enough to be killed half way
        env.put("FLOWBILL_INVOICING_CHUNK_SIZE", "1");
        env.put("FLOWBILL_INVOICING_PARTITIONS", "1");
        env.put("FLOWBILL_EXPORT_DIR", Files.createTempDirectory("flowbill-killed").toString());
        File log = Files.createTempFile("flowbill-killed", ".log").toFile();
        return builder.redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void waitForStartedRating(TestDatabase.Database db, Process process, Duration patience)
            throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            if (tableExists(db) && ratingStatuses(db).contains("STARTED")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nightly did not start rating within " + patience + " (alive: " + process.isAlive() + ")");
    }

    private static int finish(Process process) throws InterruptedException {
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("flowbill rate did not finish within 300 s");
        }
        return process.exitValue();
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

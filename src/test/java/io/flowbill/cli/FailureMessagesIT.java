package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;

/**
 * Runs the real jar with one thing broken at a time: each failure ends with one line on stderr that names the
 * component, the cause and what to do, the documented exit code, and no stack trace (DEBUG keeps it).
 */
@Slow
class FailureMessagesIT {

    static final String DAY = "2026-11-20";
    static final SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withContainers(5).withSeed(3)
            .withClock(SandboxClock.fixed(Instant.parse("2026-11-21T02:00:00Z"))));
    static final String PASSWORD = "hunter2-not-printed";

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    static Stream<Arguments> brokenThings() throws IOException {
        Path notUtf8 = Files.createTempFile("price-book-gbk", ".yaml");
        byte[] book = "currency: CNY\nzone: Asia/Shanghai\n# 价格表\nversions: []\n".getBytes(Charset.forName("GBK"));
        Files.write(notUtf8, book);
        int offset = "currency: CNY\nzone: Asia/Shanghai\n# ".length();
        String notUtf8Line = "price book " + notUtf8 + ": line 3: not UTF-8: byte 0x"
                + String.format("%02X", book[offset] & 0xFF) + " at offset " + offset;
        Path aFile = Files.createTempFile("flowbill-export-dir-is-a-file", ".txt");
        Path exportDir = aFile.resolve("out");
        return Stream.of(
                Arguments.of("PostgreSQL down", env(Map.of("SPRING_DATASOURCE_URL",
                        "jdbc:postgresql://127.0.0.1:1/flowbill?password=" + PASSWORD), true),
                        List.of("fleet"), 1, "flowbill fleet failed: database: cannot connect to"
                                + " jdbc:postgresql://127.0.0.1:1/flowbill?password=*** (Connection refused); check"
                                + " spring.datasource.url"),
                Arguments.of("API unreachable", env(Map.of("FLOWBILL_API_BASE_URL", "http://127.0.0.1:1"), true),
                        List.of("meter", "--from", "2026-11-19T16:00:00Z", "--to", "2026-11-19T17:00:00Z",
                                "--flowbill.api.max-retries=0"), 1,
                        "flowbill meter failed: container API: cannot reach http://127.0.0.1:1 (connection refused)"
                                + " during meteringJob/inventoryStep; check flowbill.api.base-url and that the API is up,"
                                + " then run the same command again to resume"),
                Arguments.of("API refuses the token", env(Map.of("FLOWBILL_API_TOKEN", "not-the-token"), true),
                        List.of("fleet"), 1, "flowbill fleet failed: container API: " + sandbox.baseUrl()
                                + " refused the credentials (HTTP 401"),
                Arguments.of("price book not UTF-8 (check)", Map.of(), List.of("price-book", "check", notUtf8.toString()),
                        1, notUtf8Line),
                Arguments.of("price book not UTF-8 (configured)", env(Map.of(), true),
                        List.of("fleet", "--flowbill.pricing.price-book=" + notUtf8), 1,
                        "flowbill fleet failed: " + notUtf8Line),
                Arguments.of("export folder not writable", env(Map.of("FLOWBILL_EXPORT_DIR", exportDir.toString()), true),
                        List.of("nightly", "--date", DAY), 1, "flowbill nightly failed: export: cannot write "
                                + exportDir.resolve("default").resolve(DAY.substring(0, 7)) + " (Not a directory);"
                                + " check flowbill.export.dir (" + exportDir + ")"),
                Arguments.of("database without API", env(Map.of(), false), List.of("fleet"), 2,
                        "flowbill fleet failed: configuration: flowbill.api.base-url is not set but spring.datasource.url"
                                + " is; set FLOWBILL_API_BASE_URL"),
                Arguments.of("API without database", apiOnly(), List.of("fleet"), 2,
                        "flowbill fleet failed: configuration: spring.datasource.url is not set but"
                                + " flowbill.api.base-url is; set SPRING_DATASOURCE_URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenThings")
    void saysWhatBrokeInOneLineWithoutAStackTrace(String what, Map<String, String> env, List<String> args, int exit,
            String message, @org.junit.jupiter.api.io.TempDir Path workDir) throws Exception {
        FlowbillJar.Outcome run = FlowbillJar.command(args).in(workDir).env(env).run();

        assertThat(run.exitCode()).as("exit code when %s\n%s%s", what, run.out(), run.err()).isEqualTo(exit);
        assertThat(run.flowbillLines()).as("flowbill's lines on stderr when %s", what).hasSize(1);
        assertThat(run.flowbillLines().get(0)).as("the line when %s", what).startsWith(message);
        assertThat(run.out() + run.err()).as("output when %s", what).doesNotContainPattern("(?m)^\\s+at \\w")
                .doesNotContain("Caused by").doesNotContain(PASSWORD).doesNotContain("not-the-token");
        if (message.contains("refused the credentials")) {
            assertThat(run.flowbillLines().get(0)).contains("flowbill.api.token").doesNotContain("run the same command");
        }
    }

    @Test
    void debugKeepsTheFullTrace(@org.junit.jupiter.api.io.TempDir Path workDir) throws Exception {
        FlowbillJar.Outcome run = FlowbillJar.command("meter", "--from", "2026-11-19T16:00:00Z", "--to",
                "2026-11-19T17:00:00Z", "--flowbill.api.max-retries=0", "--logging.level.io.flowbill=DEBUG")
                .in(workDir).env(env(Map.of("FLOWBILL_API_BASE_URL", "http://127.0.0.1:1"), true)).run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out() + run.err()).containsPattern("(?m)^\\s+at \\w").contains("container API: cannot reach");
    }

    @Test
    void aConnectionLostMidRunNamesTheDatabaseAndTheStep(@org.junit.jupiter.api.io.TempDir Path workDir)
            throws Exception {
        TestDatabase.Database fresh = TestDatabase.fresh();
        SandboxServer slow = SandboxServer.start(SandboxConfig.defaults().withContainers(200).withSeed(5)
                .withClock(SandboxClock.fixed(Instant.parse("2026-11-21T02:00:00Z"))));
        try {
            slow.faults().latency(Duration.ofMillis(5), Duration.ZERO);
            FlowbillJar.Running process = FlowbillJar.command("meter", "--from", "2026-11-19T16:00:00Z", "--to",
                    "2026-11-20T16:00:00Z", "--flowbill.api.requests-per-second=0").in(workDir).database(fresh)
                    .api(slow.baseUrl(), slow.token()).env("FLOWBILL_METERING_CHUNK_SIZE", "50").start();
            process.await("the first usage rows", Patience.seconds(240), () -> usageRows(fresh) > 0);
            terminateConnections(fresh);
            FlowbillJar.Outcome run = process.finish(FlowbillJar.defaultPatience());

            assertThat(run.exitCode()).as("%s%s", run.out(), run.err()).isEqualTo(1);
            assertThat(run.flowbillLines()).hasSize(1);
            assertThat(run.flowbillLines().get(0)).startsWith("flowbill meter failed: database: the connection to "
                    + fresh.url() + " was lost during meteringJob/").endsWith("; run the same command again to resume");
            assertThat(run.out() + run.err()).doesNotContainPattern("(?m)^\\s+at \\w");
        }
        finally {
            slow.close();
        }
    }

    private static Map<String, String> env(Map<String, String> overrides, boolean withApi) {
        Map<String, String> env = new HashMap<>(database(TestDatabase.fresh()));
        if (withApi) {
            env.put("FLOWBILL_API_BASE_URL", sandbox.baseUrl().toString());
            env.put("FLOWBILL_API_TOKEN", sandbox.token());
        }
        env.putAll(overrides);
        return env;
    }

    private static Map<String, String> apiOnly() {
        return Map.of("FLOWBILL_API_BASE_URL", sandbox.baseUrl().toString(), "FLOWBILL_API_TOKEN", sandbox.token());
    }

    private static Map<String, String> database(TestDatabase.Database database) {
        return Map.of("SPRING_DATASOURCE_URL", database.url(), "SPRING_DATASOURCE_USERNAME", database.user(),
                "SPRING_DATASOURCE_PASSWORD", database.password());
    }

    private static long usageRows(TestDatabase.Database database) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*) from information_schema.tables where table_name = 'usage_hour'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return 0;
            }
            try (ResultSet rows = s.executeQuery("select count(*) from usage_hour")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void terminateConnections(TestDatabase.Database database) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
                    + " and pid <> pg_backend_pid()");
        }
    }
}

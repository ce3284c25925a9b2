package io.flowbill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

/** {@code bench --repeat 2 --history-days 1} on a tiny fleet: repeated figures, the history, what the run records. */
@Slow
class BenchRepeatIT {

    static final int REPEAT = 2;

    @Test
    void reportsEachFigureOfEveryRepetitionAndWhatTheRunDependedOn(@TempDir Path workDir) throws Exception {
        // given
        TestDatabase.Database server = TestDatabase.fresh();
        String serverVersion;
        try (Connection connection = server.connect()) {
            serverVersion = RunInfo.serverVersion(connection);
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", Path.of("target", "flowbill.jar").toAbsolutePath().toString(), "bench",
                "--containers", "40", "--concurrency", "8", "--repeat", String.valueOf(REPEAT), "--history-days", "1")
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("bench.log").toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", server.url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", server.user());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", server.password());

        // when
        Process process = builder.start();
        boolean finished = process.waitFor(300, TimeUnit.SECONDS);

        // then
        String log = Files.readString(workDir.resolve("bench.log"));
        assertThat(finished).as(log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        Map<?, ?> results = JsonMapper.builder().build().readValue(workDir.resolve("target/bench/results.json")
                .toFile(), Map.class);
        assertThat(results.get("postgresql_version")).as("postgresql_version in %s", log).isEqualTo(serverVersion);
        assertThat(results.get("cores")).as("cores").isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(results.get("xmx")).as("xmx").isEqualTo("-Xmx512m");
        assertThat((String) results.get("java")).as("java").contains(System.getProperty("java.version"));
        assertThat((String) results.get("git_commit")).as("git_commit").matches("[0-9a-f]{40}|unknown");
        assertThat(results.get("repeat")).as("repeat").isEqualTo(REPEAT);
        assertThat((List<?>) results.get("scale")).as("one size in the scale table").hasSize(1);

        Map<?, ?> spread = (Map<?, ?>) results.get("spread");
        for (String figure : List.of("api_bound_calls_per_second", "metering_vs_api_bound", "rating_step_seconds",
                "invoice_refresh_seconds", "month_close_seconds", "rating_vs_database_bound")) {
            Map<?, ?> range = (Map<?, ?>) spread.get(figure);
            assertThat(range).as("spread of '%s' in %s", figure, log).isNotNull();
            double median = ((Number) results.get(figure)).doubleValue();
            assertThat((List<?>) range.get("values")).as("values of '%s'", figure).hasSize(REPEAT);
            assertThat(median).as("median of '%s' within its min and max", figure)
                    .isBetween(((Number) range.get("min")).doubleValue(), ((Number) range.get("max")).doubleValue())
                    .isPositive();
        }
        assertThat(((Number) results.get("api_bound_warm_up_calls")).longValue()).as("warm-up calls").isPositive();
        // every day of the bench has the same shape: one day of history holds as many hours as the measured day
        assertThat(((Number) results.get("history_days")).intValue()).isEqualTo(1);
        assertThat(((Number) results.get("history_usage_hours")).longValue()).as("history usage hours")
                .isEqualTo(((Number) results.get("rating_usage_hours")).longValue());
        assertThat(((Number) results.get("history_charge_lines")).longValue()).as("history charge lines").isPositive();
        assertThat(log).contains("month_close_seconds", "history_load_seconds");
    }
}

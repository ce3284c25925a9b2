package io.flowbill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.system.FlowbillJar;
import io.flowbill.system.Patience;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code bench} end to end at a small size so it cannot rot; the big runs stay out of CI. */
@Slow
class BenchmarkSmokeIT {

    @Test
    void benchmarkRunsEndToEndAndWritesEveryFigure(@TempDir Path workDir) throws Exception {
        TestDatabase.Database server = TestDatabase.fresh();

        FlowbillJar.Outcome run = FlowbillJar.command("bench", "--containers", "2000", "--concurrency", "32", "--repeat", "1")
                .in(workDir).database(server).heap("512m").start().finish(Patience.seconds(300));

        String log = run.output();
        assertThat(run.exitCode()).as(log).isZero();
        Map<?, ?> figures = JsonMapper.builder().build().readValue(workDir.resolve("target/bench/results.json").toFile(),
                Map.class);
        for (String figure : List.of("api_bound_calls_per_second", "metering_calls_per_second", "metering_vs_api_bound",
                "copy_usage_rows_per_second", "copy_charge_lines_per_second", "rating_usage_hours_per_second",
                "rating_vs_database_bound", "peak_heap_mb", "peak_heap_after_collection_mb",
                "peak_rss_mb")) {
            assertThat(((Number) figures.get(figure)).doubleValue()).as("figure '%s' in %s", figure, log).isPositive();
        }
        // 24 hours for each of the 2,000 containers, but one in 10 (i = 0, 10, ..) is created at hour (i / 10) % 24
        long hours = 0;
        for (int i = 0; i < 2_000; i++) {
            hours += i % 10 == 0 ? 24 - (i / 10) % 24 : 24;
        }
        assertThat(((Number) figures.get("rating_usage_hours")).longValue()).as("usage hours rated, %s", log)
                .isEqualTo(hours);
        assertThat(log).contains("metering_vs_api_bound");
    }
}

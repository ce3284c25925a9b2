package io.flowbill.bench;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Runs {@code bench --api} end to end at a tiny size so it cannot rot; its timings are not checked. */
@Slow
class BenchApiIT {

    @Test
    void apiBenchReportsEveryRequestKindBesideItsSqlBoundWithoutErrors(@TempDir Path workDir) throws Exception {
        TestDatabase.Database server = TestDatabase.fresh();

        FlowbillJar.Outcome run = FlowbillJar.command("bench", "--api", "--containers", "1500", "--clients", "3",
                "--seconds", "1").in(workDir).database(server).heap("512m").start().finish(Patience.seconds(300));

        String log = run.output();
        assertThat(run.exitCode()).as(log).isZero();
        Map<?, ?> figures = JsonMapper.builder().build().readValue(workDir.resolve("target/bench/api-results.json")
                .toFile(), Map.class);
        List<?> rows = (List<?>) figures.get("requests");
        assertThat(rows.stream().map(row -> String.valueOf(((Map<?, ?>) row).get("name"))).toList()).as(log)
                .containsExactly(
                "invoice lines, pages of 1,000 | HTTP API", "invoice lines, pages of 1,000 | SQL alone",
                "month to date | HTTP API", "month to date | SQL alone",
                "usage by day, pages of 1,000 | HTTP API", "usage by day, pages of 1,000 | SQL alone");
        for (Object row : rows) {
            Map<?, ?> measured = (Map<?, ?>) row;
            assertThat(((Number) measured.get("errors")).longValue()).as("errors of %s in %s", measured, log).isZero();
            assertThat(((Number) measured.get("requests")).longValue()).as("requests of %s in %s", measured, log)
                    .isPositive();
        }
        // 1,500 containers: more than one page of invoice lines and of usage days, so next is followed
        assertThat(((Number) figures.get("invoice_pages")).intValue()).as(log).isGreaterThan(1);
        assertThat(((Number) figures.get("usage_pages")).intValue()).as(log).isEqualTo(2);
        assertThat(log).contains("month to date | SQL alone");
    }
}

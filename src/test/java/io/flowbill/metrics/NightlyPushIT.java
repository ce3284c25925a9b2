package io.flowbill.metrics;

import static io.flowbill.metrics.DatabaseFigures.asDoubles;
import static io.flowbill.metrics.DatabaseFigures.byKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.flowbill.system.ExternalTool;
import io.flowbill.system.Patience;

/**
 * A one-shot {@code nightly} publishes its metrics to a Pushgateway and node_exporter's textfile, and what it
 * publishes is what the database holds for the day; a Pushgateway that fails does not fail the run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyPushIT {

    static final Set<String> BOUNDED_LABELS = Set.of("job_name", "step_name", "status", "command", "outcome",
            "endpoint", "reason", "le", "direction", "charge_type", "network_charge_type", "item", "currency", "kind",
            "spec", "tenant", "day");

    final NightlyRun run = NightlyRun.shared();

    @Test
    void pushesOnceToTheNightlyCommandsGroupAndWritesTheSameTextToTheTextfile() throws Exception {
        assertThat(run.exit).as("exit code of nightly %s", run.day).isZero();
        assertThat(run.pushgateway.pushes()).as("pushes of the first run").singleElement().satisfies(push -> {
            assertThat(push.method()).isEqualTo("PUT");
            assertThat(push.path()).isEqualTo("/metrics/job/flowbill/command/nightly");
            assertThat(push.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(Files.readAllBytes(run.textfile)).as("textfile %s", run.textfile).isEqualTo(push.body());
        });
        try (Stream<Path> files = Files.list(run.textfile.getParent())) {
            assertThat(files).as("the textfile folder holds the textfile alone (no temporary file left)")
                    .containsExactly(run.textfile);
        }
    }

    @Test
    void publishesOnlyFlowbillAndSpringBatchFamiliesWithBoundedLabels() {
        ExportedSamples samples = firstPush();

        assertThat(samples.names()).as("published sample names")
                .allMatch(name -> name.startsWith("flowbill_") || name.startsWith("spring_batch_"));
        assertThat(samples.samples()).as("labels of the flowbill samples (never a container id, never job/instance)")
                .filteredOn(sample -> sample.name().startsWith("flowbill_"))
                .allSatisfy(sample -> assertThat(BOUNDED_LABELS).as("labels of %s", sample).containsAll(
                        sample.labels().keySet()));
    }

    @Test
    void springBatchPublishesJobStepAndChunkTimersButNoTimerPerItem() throws Exception {
        ExportedSamples samples = firstPush();

        assertThat(samples.names()).as("published sample names")
                .contains("spring_batch_job_seconds_count", "spring_batch_step_seconds_count",
                        "spring_batch_chunk_write_seconds_count")
                .noneMatch(name -> name.startsWith("spring_batch_item_"));
    }

    @Test
    void billedAmountsTrafficContainersAndExceptionsEqualTheDatabaseFiguresOfTheDay() throws Exception {
        ExportedSamples samples = firstPush();
        Date day = Date.valueOf(run.day);
        Timestamp from = Timestamp.from(run.day.atStartOfDay(NightlyRun.ZONE).toInstant());
        Timestamp to = Timestamp.from(run.day.plusDays(1).atStartOfDay(NightlyRun.ZONE).toInstant());
        try (Connection db = run.connect()) {
            Map<String, BigDecimal> amountByItem = byKey(db,
                    "select item, sum(amount) from charge_line where charge_date = ? group by item", day);
            Map<String, BigDecimal> trafficByDirection = byKey(db, """
                    select 'out', sum(up_mb) * 1048576 from usage_hour where window_start >= ? and window_start < ?
                    union all
                    select 'in', sum(down_mb) * 1048576 from usage_hour where window_start >= ? and window_start < ?
                    """, from, to, from, to);
            Map<String, BigDecimal> containersByChargeType = byKey(db, """
                    select case charge_type when 1 then 'package' else 'on_demand' end,
                           count(distinct container_id) from charge_line where charge_date = ? group by charge_type
                    """, day);
            Map<String, BigDecimal> exceptionsByKind = byKey(db, """
                    select kind, count(*) from metering_exception
                     where window_start >= ? and window_start < ? and not resolved group by kind
                    """, from, to);
            Map<String, BigDecimal> monthToDate = byKey(db,
                    "select tenant_id, total from invoice where billing_month = ?", Date.valueOf(run.day.withDayOfMonth(1)));

            assertThat(amountByItem).as("charge lines of %s", run.day).isNotEmpty();
            assertThat(exceptionsByKind).as("exceptions of %s (two containers answer malformed flows)", run.day)
                    .containsKey("malformed_flow");
            assertThat(asDoubles(samples.sumBy("flowbill_day_billed_amount", "item")))
                    .as("flowbill_day_billed_amount by item, day='%s'", run.day).isEqualTo(asDoubles(amountByItem));
            assertThat(asDoubles(samples.sumBy("flowbill_day_traffic_metered_bytes", "direction")))
                    .as("flowbill_day_traffic_metered_bytes by direction, day='%s'", run.day)
                    .isEqualTo(asDoubles(trafficByDirection));
            assertThat(asDoubles(samples.sumBy("flowbill_day_containers_billed", "charge_type")))
                    .as("flowbill_day_containers_billed by charge type, day='%s'", run.day)
                    .isEqualTo(asDoubles(containersByChargeType));
            assertThat(asDoubles(samples.sumBy("flowbill_day_metering_exceptions", "kind", s -> s.value().signum() > 0)))
                    .as("flowbill_day_metering_exceptions by kind, day='%s'", run.day)
                    .isEqualTo(asDoubles(exceptionsByKind));
            assertThat(asDoubles(samples.sumBy("flowbill_invoice_month_to_date", "tenant")))
                    .as("flowbill_invoice_month_to_date by tenant, month of '%s'", run.day)
                    .isEqualTo(asDoubles(monthToDate));
            assertThat(samples.value("flowbill_billed_day_timestamp_seconds", Map.of("tenant", "default",
                    "day", run.day.toString())))
                    .as("the day the figures describe").isEqualByComparingTo(BigDecimal.valueOf(from.getTime() / 1000));
        }
    }

    @Test
    void jobsAndTheCommandReportTheirRunsDurationsItemsAndLastSuccess() {
        ExportedSamples samples = firstPush();
        double runStarted = run.started.toEpochMilli() / 1000.0;

        // meteringJob runs twice: the day's metering, then the recheck of the hours whose flow was malformed
        Map<String, String> runs = Map.of("meteringJob", "2", "ratingJob", "1");
        for (String job : List.of("meteringJob", "ratingJob")) {
            Map<String, String> ofTenant = Map.of("job_name", job, "tenant", "default");
            assertThat(samples.value("flowbill_job_duration_seconds_count", Map.of("job_name", job, "tenant", "default",
                    "status", "COMPLETED")))
                    .as("completed runs of %s", job).isEqualByComparingTo(runs.get(job));
            assertThat(samples.value("flowbill_last_success_timestamp_seconds", ofTenant).doubleValue())
                    .as("last success of %s", job).isBetween(runStarted, Instant.now().toEpochMilli() / 1000.0);
            assertThat(samples.value("flowbill_last_run_timestamp_seconds", ofTenant).doubleValue())
                    .as("last run of %s", job).isBetween(runStarted, Instant.now().toEpochMilli() / 1000.0);
            assertThat(samples.value("flowbill_last_failure_timestamp_seconds", ofTenant))
                    .as("last failure of %s (none: 0)", job).isZero();
        }
        assertThat(samples.value("flowbill_step_items_written_total", Map.of("job_name", "meteringJob",
                "step_name", "flowStep"))).as("usage hours written by flowStep").isPositive();
        assertThat(samples.value("flowbill_command_duration_seconds_count", Map.of("command", "nightly",
                "outcome", "completed"))).as("completed nightly commands").isEqualByComparingTo("1");
        assertThat(asDoubles(samples.sumBy("flowbill_api_retries_total", "reason"))).as("API retries by reason")
                .containsEntry("server_error", 3.0);
    }

    @Test
    @Order(Integer.MAX_VALUE) // it runs nightly again, rewriting the textfile the other tests compare
    void aPushgatewayAnswering500LeavesTheRunSuccessfulAndTheTextfileWritten() throws Exception {
        try (PushgatewayStandIn failing = PushgatewayStandIn.answering(500)) {
            Files.delete(run.textfile);

            int exit = run.nightly(failing.url().toString());

            assertThat(exit).as("exit code of nightly %s with a failing Pushgateway", run.day).isZero();
            assertThat(failing.pushes()).as("pushes tried").hasSize(1);
            assertThat(run.textfile).as("textfile written all the same").exists();
            assertThat(ExportedSamples.parse(Files.readString(run.textfile)).sumBy("flowbill_day_billed_amount", "item"))
                    .as("figures of the rerun").isEqualTo(firstPush().sumBy("flowbill_day_billed_amount", "item"));
        }
    }

    @Test
    void theTextfilePassesPromtoolCheckMetrics() throws Exception {
        ExternalTool.require(promtoolInstalled(),
                "promtool is not installed (Debian: apt-get install prometheus); skipping the promtool lint");

        Process promtool = new ProcessBuilder("promtool", "check", "metrics")
                .redirectInput(run.textfile.toFile()).redirectErrorStream(true).start();
        String report = new String(promtool.getInputStream().readAllBytes());
        assertThat(promtool.waitFor(Patience.seconds(30).toMillis(), TimeUnit.MILLISECONDS)).as("promtool finished").isTrue();

        assertThat(report).as("promtool check metrics on %s", run.textfile).isBlank();
        assertThat(promtool.exitValue()).as("promtool exit code; report: %s", report).isZero();
    }

    private ExportedSamples firstPush() {
        assertThat(run.pushgateway.pushes()).as("pushes of the first run").isNotEmpty();
        return ExportedSamples.parse(run.pushgateway.pushes().get(0).text());
    }

    private static boolean promtoolInstalled() {
        try {
            Process version = new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(Patience.seconds(10).toMillis(), TimeUnit.MILLISECONDS) && version.exitValue() == 0;
        }
        catch (Exception e) {
            return false;
        }
    }
}

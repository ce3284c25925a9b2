package io.flowbill.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.flowbill.accounts.Accounts;
import io.flowbill.billing.BillingService;
import io.flowbill.invoicing.TableSnapshot;
import io.flowbill.metering.MeteringProperties;
import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.pricing.PriceBook;
import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.IntegrationTest;
import io.flowbill.system.Partitions;
import io.flowbill.system.Patience;

/**
 * {@code serve} with a clock the test moves: the sandbox and flowbill share it, the scheduler's timer is off and
 * the test calls {@link ServeScheduler#tick} itself. One timeline, in order: first start, two hours, the nightly
 * time, a second instance, then a shutdown in the middle of a run.
 */
@IntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=servlet", "flowbill.serve.auto-tick=false",
                "flowbill.metering.chunk-size=8", "flowbill.progress.interval=100ms" })
@Import(ServeIT.SharedClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class ServeIT {

    /** 21:15 on 2026-11-20 in Shanghai. */
    static final Instant START = Instant.parse("2026-11-20T13:15:00Z");
    static final int CONTAINERS = 12;

    static final SandboxClock clock = SandboxClock.fixed(START);
    static final SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withContainers(CONTAINERS)
            .withSeed(7).withClock(clock).withDeletionTime(Duration.ZERO));
    static Path exportDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        exportDir = Files.createTempDirectory("flowbill-serve-it");
        registry.add("flowbill.export.dir", exportDir::toString);
        registry.add("flowbill.api.base-url", () -> sandbox.baseUrl().toString());
        registry.add("flowbill.api.token", sandbox::token);
        registry.add("flowbill.api.initial-backoff", () -> "10ms");
        registry.add("flowbill.api.max-backoff", () -> "50ms");
        registry.add("flowbill.api.requests-per-second", () -> "0");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {

        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @Autowired
    ServeScheduler scheduler;

    @Autowired
    ServeLifecycle lifecycle;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ScheduleState state;

    @Autowired
    StoppedRuns stoppedRuns;

    @Autowired
    MeteringService metering;

    @Autowired
    Partitions partitions;

    @Autowired
    MeteringProperties meteringSettings;

    @Autowired
    PriceBook book;

    @Autowired
    BillingService nightly;

    @Autowired
    Accounts accounts;

    @Autowired
    ServeProperties settings;

    @LocalServerPort
    int port;

    @Test
    @Order(1)
    void firstStartMetersTheBillingDaySoFarAndBillsYesterday() {
        Tick tick = scheduler.tick();

        assertThat(tick.outcome()).isEqualTo(Tick.Outcome.WORKED);
        assertThat(tick.metered()).containsExactly(range("2026-11-19T16:00:00Z", "2026-11-20T13:00:00Z"));
        assertThat(tick.billed()).containsExactly(LocalDate.parse("2026-11-19"));
        assertThat(scheduler.tick().outcome()).as("a second tick at the same time").isEqualTo(Tick.Outcome.NOTHING_DUE);
    }

    @Test
    @Order(2)
    void twoHoursPassAndBothAreMetered() {
        clock.set(Instant.parse("2026-11-20T15:15:00Z"));

        Tick tick = scheduler.tick();

        assertThat(tick.metered()).containsExactly(range("2026-11-20T13:00:00Z", "2026-11-20T15:00:00Z"));
        assertThat(tick.billed()).as("Nov 20 is not over in Shanghai").isEmpty();
        for (String window : List.of("2026-11-20T13:00:00Z", "2026-11-20T14:00:00Z")) {
            assertThat(usageRows(window)).as("usage rows of window='%s'", window).isPositive()
                    .isEqualTo(jdbc.queryForObject("select containers from metered_window where window_start = ?",
                            Long.class, Timestamp.from(Instant.parse(window))));
        }
        assertThat(usageRows("2026-11-20T15:00:00Z")).as("15:00-16:00 is not over").isZero();
    }

    @Test
    @Order(3)
    void theNightlyTimePassesAndTheDayIsBilled() {
        // 01:29 on Nov 21 in Shanghai: the hours are due, the day is not
        clock.set(Instant.parse("2026-11-20T17:29:00Z"));
        Tick before = scheduler.tick();
        Timestamp analyzedBefore = lastAnalyzeOfUsageHour();
        // 01:31: the nightly time has passed
        clock.set(Instant.parse("2026-11-20T17:31:00Z"));
        Tick after = scheduler.tick();

        assertThat(before.metered()).as("split at the Shanghai day boundary").containsExactly(
                range("2026-11-20T15:00:00Z", "2026-11-20T16:00:00Z"),
                range("2026-11-20T16:00:00Z", "2026-11-20T17:00:00Z"));
        assertThat(before.billed()).as("billed at 01:29").isEmpty();
        assertThat(after.billed()).as("billed at 01:31").containsExactly(LocalDate.parse("2026-11-20"));
        assertThat(state.lastBilledDay(meteringSettings.tenant())).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(jdbc.queryForObject("select count(*) from charge_line where charge_date = date '2026-11-20'",
                Long.class)).as("charge lines of 2026-11-20").isPositive();
        assertThat(jdbc.queryForObject("select count(*) from rated_day where charge_date = date '2026-11-20'",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from usage_hour where window_start >= '2026-11-19T16:00:00Z' and window_start < '2026-11-20T16:00:00Z'
                """, Long.class)).as("usage rows of the billed day")
                .isEqualTo(jdbc.queryForObject("""
                        select sum(containers) from metered_window
                         where window_start >= '2026-11-19T16:00:00Z' and window_start < '2026-11-20T16:00:00Z'
                        """, Long.class));
        assertThat(exportDir.resolve("default/2026-11/charges-2026-11-20.csv")).exists();
        // the partitioned table's statistics as a whole are gathered after the billing (autovacuum never does)
        await().atMost(Patience.seconds(30)).untilAsserted(() -> {
            Timestamp analyzedAfter = lastAnalyzeOfUsageHour();
            assertThat(analyzedAfter).as("last analyze of usage_hour as a whole").isNotNull();
            if (analyzedBefore != null) {
                assertThat(analyzedAfter).isAfter(analyzedBefore);
            }
        });
    }

    private Timestamp lastAnalyzeOfUsageHour() {
        return jdbc.queryForObject("select last_analyze from pg_stat_user_tables where relname = 'usage_hour'",
                Timestamp.class);
    }

    @Test
    @Order(4)
    void aSecondInstanceOnTheSameDatabaseDoesNothingTwice() throws Exception {
        ServeScheduler second = new ServeScheduler(clock, dataSource, state, stoppedRuns, metering, meteringSettings,
                book.zone(), nightly, settings, accounts, partitions);
        Map<String, List<String>> rows = TableSnapshot.of(jdbc);
        long executions = count("select count(*) from batch_job_execution");

        // when: the second instance ticks after the first did everything due
        Tick idle = second.tick();

        // then
        assertThat(idle.outcome()).isEqualTo(Tick.Outcome.NOTHING_DUE);
        assertThat(TableSnapshot.of(jdbc)).as("billing tables after the second instance's tick").isEqualTo(rows);
        assertThat(count("select count(*) from batch_job_execution")).as("job executions").isEqualTo(executions);

        // when: an hour passes and the first instance is at work (it holds the scheduler lock)
        clock.set(Instant.parse("2026-11-20T18:11:00Z"));
        try (Connection busy = dataSource.getConnection(); Statement statement = busy.createStatement()) {
            statement.execute("select pg_advisory_lock(hashtextextended('" + ServeLock.KEY + "', 0))");
            try {
                assertThat(second.tick().outcome()).as("second instance while the first works")
                        .isEqualTo(Tick.Outcome.LOCKED_ELSEWHERE);
            }
            finally {
                // a pooled connection keeps its session: unlock before handing it back
                statement.execute("select pg_advisory_unlock(hashtextextended('" + ServeLock.KEY + "', 0))");
            }
        }
        assertThat(count("select count(*) from batch_job_execution")).as("job executions").isEqualTo(executions);

        // when: both tick at once
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Tick> one = CompletableFuture.supplyAsync(() -> tickAfter(together, scheduler));
        CompletableFuture<Tick> two = CompletableFuture.supplyAsync(() -> tickAfter(together, second));
        List<Tick> ticks = List.of(one.get(), two.get());

        // then: one of them metered 17:00-18:00, once
        assertThat(ticks).filteredOn(tick -> tick.outcome() == Tick.Outcome.WORKED).singleElement()
                .satisfies(tick -> assertThat(tick.metered())
                        .containsExactly(range("2026-11-20T17:00:00Z", "2026-11-20T18:00:00Z")));
        assertThat(ticks).extracting(Tick::outcome).as("the other one")
                .containsAnyOf(Tick.Outcome.LOCKED_ELSEWHERE, Tick.Outcome.NOTHING_DUE);
        assertThat(count("select count(*) from batch_job_execution")).as("job executions")
                .isEqualTo(executions + 1);
        assertThat(count("""
                select count(*) from batch_job_execution_params
                 where parameter_name = 'from' and parameter_value = '2026-11-20T17:00:00Z'
                """)).as("metering executions of 17:00").isEqualTo(1);
        assertThat(usageRows("2026-11-20T17:00:00Z")).as("usage rows of 17:00")
                .isEqualTo(count("select count(distinct container_id) from usage_hour where window_start = '2026-11-20T17:00:00Z'"))
                .isPositive();
    }

    @Test
    @Order(5)
    void actuatorAnswersPrometheusHealthAndInfoOverHttpAndNothingElse() throws Exception {
        HttpResponse<String> prometheus = get("/actuator/prometheus");

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(prometheus.body()).contains("flowbill_api_requests_seconds_count");
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/configprops",
                "/actuator/loggers", "/actuator/heapdump", "/actuator/shutdown")) {
            assertThat(get(hidden).statusCode()).as("status of %s", hidden).isEqualTo(404);
        }
    }

    @Test
    @Order(6)
    void shutdownStopsARunAtAChunkBoundaryAndTheNextStartResumesIt(CapturedOutput output) throws Exception {
        // given: three hours due, each flow call slowed down so the run takes a while
        clock.set(Instant.parse("2026-11-20T21:11:00Z"));
        sandbox.faults().latency(Duration.ofMillis(150), Duration.ZERO);
        MeteringRange hours = range("2026-11-20T18:00:00Z", "2026-11-20T21:00:00Z");
        CompletableFuture<Tick> running = CompletableFuture.supplyAsync(scheduler::tick);
        await().atMost(Patience.seconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> running.isDone()
                || count("select count(*) from usage_hour where window_start >= '2026-11-20T18:00:00Z'") > 0);

        // when: shutdown
        lifecycle.stop();
        Tick stopped = running.get();
        sandbox.faults().reset();

        // then: STOPPED with a part of the hours written
        long written = count("select count(*) from usage_hour where window_start >= '2026-11-20T18:00:00Z'");
        assertThat(stopped.outcome()).isEqualTo(Tick.Outcome.STOPPING);
        assertThat(lastStatus(hours)).isEqualTo("STOPPED");
        assertThat(written).as("hours written before the stop").isPositive()
                .isLessThan(3L * usageRows("2026-11-20T17:00:00Z"));
        assertThat(output.getOut()).contains("at its next chunk boundary", "container-hours");
        assertThat(output.getOut().lines().filter(line -> line.contains("flowbill serve shut down after")))
                .as("the one line saying serve shut down").singleElement().asString()
                .contains("1 running job(s) asked to stop at their next chunk boundary");

        // when: the next start (a new scheduler in place of the stopped one)
        ServeScheduler restarted = new ServeScheduler(clock, dataSource, state, stoppedRuns, metering,
                meteringSettings, book.zone(), nightly, settings, accounts, partitions);
        Tick resumed = restarted.tick();

        // then: the same job instance completed, every hour metered once
        assertThat(resumed.outcome()).isEqualTo(Tick.Outcome.WORKED);
        assertThat(resumed.metered()).first().isEqualTo(hours);
        assertThat(output.getOut()).contains("Resuming the metering of " + hours.from() + " .. " + hours.to(),
                "was stopped; resuming");
        assertThat(lastStatus(hours)).isEqualTo("COMPLETED");
        assertThat(count("""
                select count(distinct e.job_instance_id) from batch_job_execution e
                  join batch_job_execution_params p using (job_execution_id)
                 where p.parameter_name = 'from' and p.parameter_value = '2026-11-20T18:00:00Z'
                """)).as("job instances of 18:00").isEqualTo(1);
        for (String window : List.of("2026-11-20T18:00:00Z", "2026-11-20T19:00:00Z", "2026-11-20T20:00:00Z")) {
            assertThat(usageRows(window)).as("usage rows of window='%s'", window).isEqualTo(jdbc.queryForObject(
                    "select containers from metered_window where window_start = ?", Long.class,
                    Timestamp.from(Instant.parse(window))));
        }
    }

    private static Tick tickAfter(CyclicBarrier barrier, ServeScheduler instance) {
        try {
            barrier.await();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return instance.tick();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String lastStatus(MeteringRange range) {
        return jdbc.queryForObject("""
                select e.status from batch_job_execution e
                  join batch_job_execution_params f on f.job_execution_id = e.job_execution_id
                       and f.parameter_name = 'from' and f.parameter_value = ?
                  join batch_job_execution_params t on t.job_execution_id = e.job_execution_id
                       and t.parameter_name = 'to' and t.parameter_value = ?
                 order by e.job_execution_id desc limit 1
                """, String.class, range.from().toString(), range.to().toString());
    }

    private long usageRows(String window) {
        return count("select count(*) from usage_hour where window_start = '" + window + "'");
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static MeteringRange range(String from, String to) {
        return MeteringRange.parse(from, to);
    }
}

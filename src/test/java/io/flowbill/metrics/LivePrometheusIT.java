package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.flowbill.FlowbillApplication;
import io.flowbill.cli.FlowbillCli;
import io.flowbill.sandbox.Endpoint;
import io.flowbill.sandbox.Fault;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;
import io.flowbill.system.ExternalTool;
import io.flowbill.system.Slow;
import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestSeller;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards and alert rules against a real Prometheus: it scrapes {@code serve} (through a restart) and a real
 * Pushgateway that received one successful {@code nightly} and one failing {@code meter}. Every PromQL expression
 * of the dashboards, with the variables as Grafana fills them at "All", returns data (or is listed in
 * {@link #EXPECTED_EMPTY} with the reason), the failure panel and the {@code FlowbillJobFailed} alert see the failed
 * run, and month to date equals the invoice total exactly although serve and the push both report it. Then, in
 * order, per tenant: two accounts of which one has a refused token, a hand {@code rate} after a missed nightly, a
 * re-rate with a 10 % plan, and exceptions resolved while an older push still counts them.
 *
 * <p>Prometheus loads the shipped rules with every {@code for} at 0 (the test cannot wait the hour some of them
 * ask): what fires is what the expressions select.
 */
@Slow
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivePrometheusIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Path RULES = Path.of("dashboards/alerts/flowbill-rules.yaml");
    static final Duration WAIT = Duration.ofSeconds(60);
    /** The lag before 02:40 in the billing zone, when the hours due are few (maybe none) anyway. */
    static final String EARLY_LAG = "10m";

    /** Dashboard queries (by their text) that may return nothing in this scenario, and why. */
    static final Map<String, String> EXPECTED_EMPTY = Map.of();

    static TestDatabase.Database database;
    static SandboxServer sandbox;
    static LocalPrometheus prometheus;
    static Path workDir;
    static LocalDate day;
    static int nightlyExit;
    static int meterExit;
    static ConfigurableApplicationContext serve;
    static JsonNode afterRestart;

    @BeforeAll
    static void scenario() throws Exception {
        ExternalTool.require(LocalPrometheus.installed(), "skipped: " + LocalPrometheus.PROMETHEUS + " or "
                + LocalPrometheus.PUSHGATEWAY + " is missing (Debian: apt-get install prometheus prometheus-pushgateway)");
        database = TestDatabase.fresh();
        sandbox = SandboxServer.start(SandboxConfig.defaults().withContainers(12).withSeed(7));
        sandbox.faults().failNext(Endpoint.FLOW, 2, Fault.SERVER_ERROR);
        workDir = Files.createTempDirectory("flowbill-live-prometheus");
        Files.writeString(workDir.resolve("token"), sandbox.token());
        prometheus = LocalPrometheus.start(List.of(rulesFiringAtOnce()));
        day = LocalDate.ofInstant(Instant.now().minus(Duration.ofMinutes(10)), ZONE).minusDays(1);

        // a successful one-shot run, pushed to its command's group; it records the day in billed_day, so serve
        // does not bill it again
        nightlyExit = FlowbillCli.run(args(sandbox.baseUrl().toString(), "nightly", "--date", day.toString()));
        // serve meters today's first hours (a lag that leaves the hours after 02:30 undue), then restarts with
        // nothing due
        String lag = lagLeavingTheFirstHoursDue();
        Instant started = Instant.now();
        serve = startServe(lag);
        awaitServeScrape(started, lag.equals(EARLY_LAG) ? Instant.EPOCH : started);
        serve.close();
        Instant restarted = Instant.now();
        serve = startServe(lag);
        awaitServeScrape(restarted, Instant.EPOCH);
        afterRestart = prometheus.query("count by (__name__) ({job=\"" + LocalPrometheus.SERVE_JOB
                + "\", __name__=~\"flowbill_.*\"})");
        // a failing one-shot run: meteringJob cannot reach the API
        String from = day.minusDays(1).atStartOfDay(ZONE).toInstant().toString();
        String to = day.minusDays(1).atStartOfDay(ZONE).plusHours(1).toInstant().toString();
        meterExit = FlowbillCli.run(args("http://127.0.0.1:" + LocalPrometheus.freePort(), "meter", "--from", from,
                "--to", to, "--flowbill.api.max-retries=0"));
        prometheus.await("push_time_seconds{command=\"meter\"}", result -> !result.isEmpty(), WAIT);
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    @Order(1)
    void everyPromQlExpressionOfTheDashboardsReturnsData() throws Exception {
        List<String> empty = new ArrayList<>();
        for (DashboardFiles.Query query : DashboardFiles.queries()) {
            if (!query.promql() || EXPECTED_EMPTY.containsKey(query.text())) {
                continue;
            }
            String promql = asGrafanaSendsIt(query.text());
            JsonNode result = prometheus.await(promql, r -> !r.isEmpty(), Duration.ofSeconds(5));
            if (result.isEmpty()) {
                empty.add(query + ": " + promql);
            }
        }
        assertThat(empty).as("dashboard expressions without data (not in EXPECTED_EMPTY)").isEmpty();
    }

    @Test
    @Order(1)
    void aRestartedServeWithNothingDueReportsTheRepositoryGaugesAndEveryJobSeriesAtItsFirstScrape() {
        List<String> names = new ArrayList<>();
        afterRestart.forEach(series -> names.add(series.path("metric").path("__name__").asString()));

        assertThat(names).as("flowbill families of the restarted serve (it ran no job)").contains(
                "flowbill_last_run_timestamp_seconds", "flowbill_last_success_timestamp_seconds",
                "flowbill_last_failure_timestamp_seconds", "flowbill_billed_day_timestamp_seconds",
                "flowbill_day_billed_amount", "flowbill_invoice_month_to_date", "flowbill_exceptions_unresolved",
                "flowbill_job_duration_seconds_count", "flowbill_step_items_read_total");
    }

    @Test
    @Order(1)
    void theFailurePanelAndTheFailureAlertSeeTheFailedOneShotRun() throws Exception {
        assertThat(nightlyExit).as("exit code of nightly %s", day).isZero();
        assertThat(meterExit).as("exit code of the meter that cannot reach the API").isEqualTo(1);
        DashboardFiles.Query failures = panelQuery("Jobs whose last run failed", "A");

        JsonNode panel = prometheus.await(asGrafanaSendsIt(failures.text()),
                result -> value(result, "job_name", "meteringJob") == 1, WAIT);
        JsonNode alert = prometheus.await("ALERTS{alertname=\"FlowbillJobFailed\"}",
                result -> has(result, "job_name", "meteringJob"), WAIT);

        assertThat(value(panel, "job_name", "meteringJob")).as("failure panel, meteringJob: %s", panel).isEqualTo(1);
        assertThat(value(panel, "job_name", "ratingJob")).as("failure panel, ratingJob: %s", panel).isZero();
        assertThat(has(alert, "job_name", "meteringJob")).as("FlowbillJobFailed for meteringJob: %s", alert).isTrue();
    }

    @Test
    @Order(1)
    void monthToDateEqualsTheInvoiceTotalOnceAlthoughServeAndThePushBothReportIt() throws Exception {
        BigDecimal invoiceTotal;
        try (Connection db = database.connect(); PreparedStatement statement = db.prepareStatement(
                "select total from invoice where tenant_id = 'default' and billing_month = ?")) {
            statement.setDate(1, Date.valueOf(day.withDayOfMonth(1)));
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("invoice of %s", day.withDayOfMonth(1)).isTrue();
                invoiceTotal = rs.getBigDecimal(1);
            }
        }
        JsonNode sources = prometheus.query("flowbill_invoice_month_to_date{tenant=\"default\"}");
        JsonNode panel = prometheus.query(asGrafanaSendsIt(panelQuery("Month to date (live)", "A").text()));

        assertThat(sources.size()).as("month-to-date series (serve and the pushes): %s", sources)
                .isGreaterThanOrEqualTo(2);
        assertThat(labels(panel, "tenant")).as("month-to-date panel series: %s; all sources: %s", panel,
                prometheus.query("flowbill_invoice_month_to_date")).containsOnlyOnce("default");
        assertThat(new BigDecimal(valueOf(panel, "tenant", "default")))
                .as("month to date on the dashboard vs the invoice total").isEqualByComparingTo(invoiceTotal);
    }

    @Test
    @Order(10)
    void twoAccountsOfWhichOneHasARefusedTokenAlertForThatTenantOnly() throws Exception {
        Files.writeString(workDir.resolve("refused-token"), "not-the-token");
        String from = day.minusDays(1).atStartOfDay(ZONE).toInstant().toString();
        String to = day.minusDays(1).atStartOfDay(ZONE).plusHours(1).toInstant().toString();

        // the hour the unreachable meter failed for default: default completes it now, refused fails it
        int exit = FlowbillCli.run(withAccounts(args(sandbox.baseUrl().toString(), "meter", "--from", from, "--to", to),
                "default", "refused"));

        assertThat(exit).as("exit code of meter with one refused token").isEqualTo(1);
        JsonNode alerts = prometheus.await("ALERTS{alertname=\"FlowbillJobFailed\", alertstate=\"firing\"}",
                result -> has(result, "tenant", "refused") && !has(result, "tenant", "default"), WAIT);
        assertThat(labels(alerts, "job_name", "tenant")).as("FlowbillJobFailed alerts: %s", alerts)
                .contains("meteringJob/refused").doesNotContain("meteringJob/default");
        JsonNode stale = prometheus.await("ALERTS{alertname=\"FlowbillMeteringStale\", alertstate=\"firing\"}",
                result -> has(result, "tenant", "refused"), WAIT);
        assertThat(labels(stale, "tenant")).as("FlowbillMeteringStale alerts: %s", stale).contains("refused")
                .doesNotContain("default");
        JsonNode panel = prometheus.await(asGrafanaSendsIt(panelQuery("Jobs whose last run failed", "A").text()),
                result -> value(result, "tenant", "refused") == 1, WAIT);
        assertThat(labels(panel, "job_name", "tenant")).as("failure panel: %s", panel).contains("meteringJob/refused");
    }

    @Test
    @Order(20)
    void aHandRateAfterAMissedNightlyLeavesTheNightlyAlertFiring() throws Exception {
        // tenant late was last billed three days ago; its nightlies since are missed
        LocalDate billed = day.minusDays(2);
        int nightly = FlowbillCli.run(withAccounts(args(sandbox.baseUrl().toString(), "nightly", "--tenant", "late",
                "--date", billed.toString()), "default", "late"));
        Instant handRate = Instant.now();
        int rate = FlowbillCli.run(withAccounts(args(sandbox.baseUrl().toString(), "rate", "--tenant", "late",
                "--date", billed.toString()), "default", "late"));

        assertThat(nightly).as("exit code of nightly --tenant late --date %s", billed).isZero();
        assertThat(rate).as("exit code of rate --tenant late --date %s", billed).isZero();
        JsonNode ratedNow = prometheus.await("max by (tenant) (flowbill_last_success_timestamp_seconds{"
                + "job_name=\"ratingJob\", tenant=\"late\"}) > " + handRate.getEpochSecond(), r -> !r.isEmpty(), WAIT);
        assertThat(ratedNow).as("late's ratingJob completed by the hand rate").isNotEmpty();
        JsonNode alerts = prometheus.await("ALERTS{alertname=\"FlowbillNightlyStale\", alertstate=\"firing\"}",
                result -> has(result, "tenant", "late"), WAIT);
        assertThat(labels(alerts, "tenant")).as("FlowbillNightlyStale alerts (default billed %s, late %s): %s", day,
                billed, alerts).contains("late").doesNotContain("default");
    }

    @Test
    @Order(30)
    void aReRateWithANewPlanShowsTheNewMonthToDateAlthoughOlderPushesSayTheOldOne() throws Exception {
        BigDecimal before = invoiceTotal();
        Path plan = Files.writeString(workDir.resolve("ten-percent-off.yaml"), """
                versions:
                  - name: ten-percent-off
                    effective-from: 2020-01-01T00:00:00+08:00
                    bill-discount-percent: 10
                """);

        int exit = FlowbillCli.run(args(sandbox.baseUrl().toString(), "rate", "--date", day.toString(),
                "--flowbill.pricing.plan=file:" + plan));

        assertThat(exit).as("exit code of rate --date %s with 10 %% off", day).isZero();
        BigDecimal after = invoiceTotal();
        assertThat(after).as("invoice total after the re-rate (before: %s)", before).isLessThan(before);
        String panel = asGrafanaSendsIt(panelQuery("Month to date (live)", "A").text());
        JsonNode shown = prometheus.await(panel, result -> result.size() > 0
                && new BigDecimal(valueOf(result, "tenant", "default")).compareTo(after) == 0, WAIT);
        JsonNode sources = prometheus.query("flowbill_invoice_month_to_date{tenant=\"default\"}");
        assertThat(sources.toString()).as("an older source still says %s", before.toPlainString())
                .contains("\"" + before.stripTrailingZeros().toPlainString());
        assertThat(new BigDecimal(valueOf(shown, "tenant", "default"))).as("month to date on the panel: %s", shown)
                .isEqualByComparingTo(after);
    }

    @Test
    @Order(40)
    void resolvingTheExceptionsClearsTheAlertAlthoughAnOlderPushStillCountsThem() throws Exception {
        try (Connection db = database.connect(); Statement statement = db.createStatement()) {
            // 60 exceptions that need someone, and 60 found gone within seconds (0.00 h at risk), which do not count
            statement.executeUpdate("""
                    insert into metering_exception (tenant_id, container_id, window_start, kind, raw_value, message, run_id)
                    select 'default', 900000 + g, date_trunc('hour', now()) - g * interval '1 hour', k.kind, k.raw,
                           'LivePrometheusIT', 0
                      from generate_series(1, 60) g,
                           (values ('flow_unavailable', null), ('lifetime_unknown', '0.00 h')) k(kind, raw)
                    """);
        }
        // a one-shot pushes the 60 to its group
        assertThat(FlowbillCli.run(args(sandbox.baseUrl().toString(), "fleet"))).as("exit code of fleet").isZero();
        String fleetGroup = "flowbill_exceptions_unresolved{tenant=\"default\", command=\"fleet\", kind=";
        JsonNode pushed = prometheus.await(fleetGroup + "\"flow_unavailable\"} >= 60", r -> !r.isEmpty(), WAIT);
        assertThat(pushed).as("the fleet group's flow_unavailable of default").isNotEmpty();
        JsonNode zeroHours = prometheus.query(fleetGroup + "\"lifetime_unknown\"}");
        assertThat(valueOf(zeroHours, "command", "fleet")).as("lifetime_unknown of 0.00 h counted: %s", zeroHours)
                .isEqualTo("0");
        JsonNode firing = prometheus.await("ALERTS{alertname=\"FlowbillExceptionsUnresolved\", alertstate=\"firing\"}",
                result -> has(result, "tenant", "default"), WAIT);
        assertThat(has(firing, "tenant", "default")).as("FlowbillExceptionsUnresolved for default: %s", firing).isTrue();

        try (Connection db = database.connect(); Statement statement = db.createStatement()) {
            statement.executeUpdate("update metering_exception set resolved = true where message = 'LivePrometheusIT'");
        }

        JsonNode cleared = prometheus.await("ALERTS{alertname=\"FlowbillExceptionsUnresolved\", tenant=\"default\"}",
                JsonNode::isEmpty, WAIT);
        JsonNode stillPushed = prometheus.query(fleetGroup + "\"flow_unavailable\"} >= 60");
        assertThat(stillPushed).as("the fleet group still counts them").isNotEmpty();
        assertThat(cleared).as("FlowbillExceptionsUnresolved after resolving").isEmpty();
    }

    private static BigDecimal invoiceTotal() throws Exception {
        try (Connection db = database.connect(); PreparedStatement statement = db.prepareStatement(
                "select total from invoice where tenant_id = 'default' and billing_month = ?")) {
            statement.setDate(1, Date.valueOf(day.withDayOfMonth(1)));
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("invoice of %s", day.withDayOfMonth(1)).isTrue();
                return rs.getBigDecimal(1);
            }
        }
    }

    /** The command line with {@code flowbill.accounts} of the tenants; {@code refused} has a token the API refuses. */
    private static String[] withAccounts(String[] args, String... tenants) {
        List<String> all = new ArrayList<>(List.of(args));
        for (int i = 0; i < tenants.length; i++) {
            String key = "--flowbill.accounts[" + i + "].";
            all.add(key + "tenant=" + tenants[i]);
            all.add(key + "base-url=" + sandbox.baseUrl());
            all.add(key + "token-file=" + workDir.resolve(tenants[i].equals("refused") ? "refused-token" : "token"));
        }
        return all.toArray(String[]::new);
    }

    /** The values of {@code names} of each series, joined by "/". */
    private static List<String> labels(JsonNode result, String... names) {
        List<String> labels = new ArrayList<>();
        for (JsonNode series : result) {
            List<String> values = new ArrayList<>();
            for (String name : names) {
                values.add(series.path("metric").path(name).asString(""));
            }
            labels.add(String.join("/", values));
        }
        return labels;
    }

    private static String valueOf(JsonNode result, String label, String value) {
        for (JsonNode series : result) {
            if (value.equals(series.path("metric").path(label).asString(""))) {
                return series.path("value").get(1).asString();
            }
        }
        return "NaN";
    }

    /**
     * The expression with the dashboard's variables as Grafana fills them with "All" ({@link GrafanaInterpolation}:
     * the tenant variable's options are the tenants Prometheus knows) and a short rate interval.
     */
    static String asGrafanaSendsIt(String expr) throws IOException, InterruptedException {
        List<String> tenants = new ArrayList<>();
        prometheus.query("count by (tenant) (flowbill_exceptions_unresolved)")
                .forEach(series -> tenants.add(series.path("metric").path("tenant").asString()));
        Map<String, GrafanaInterpolation.Selection> all = new java.util.LinkedHashMap<>();
        DashboardFiles.all().values().forEach(dashboard -> DashboardFiles.variables(dashboard).forEach(
                (name, variable) -> all.putIfAbsent(name, GrafanaInterpolation.Selection.all(variable, tenants))));
        return GrafanaInterpolation.interpolate(expr.replace("$__rate_interval", "15s"), "prometheus", all);
    }

    /** The shipped rules with every {@code for} at 0m, in the work folder. */
    private static Path rulesFiringAtOnce() throws IOException {
        return Files.writeString(workDir.resolve("flowbill-rules.yaml"),
                Files.readString(RULES).replaceAll("(?m)^(\\s+for: )\\S+$", "$10m"));
    }

    private static DashboardFiles.Query panelQuery(String title, String refId) {
        return DashboardFiles.queries().stream()
                .filter(query -> query.panel().equals(title) && query.target().get("refId").asString().equals(refId))
                .findFirst().orElseThrow(() -> new AssertionError("no panel '" + title + "' query " + refId));
    }

    private static double value(JsonNode result, String label, String value) {
        for (JsonNode series : result) {
            if (value.equals(series.path("metric").path(label).asString(""))) {
                return Double.parseDouble(series.path("value").get(1).asString());
            }
        }
        return Double.NaN;
    }

    private static boolean has(JsonNode result, String label, String value) {
        for (JsonNode series : result) {
            if (value.equals(series.path("metric").path(label).asString(""))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A metering lag that makes today's hours up to 02:00 in the billing zone due and no later one for half an hour
     * (10 min before 03:00, when fewer hours are over).
     */
    private static String lagLeavingTheFirstHoursDue() {
        Instant now = Instant.now();
        Instant dueUntil = LocalDate.ofInstant(now, ZONE).atStartOfDay(ZONE).plusMinutes(150).toInstant();
        return now.isAfter(dueUntil.plus(Duration.ofMinutes(10))) ? Duration.between(dueUntil, now).toMinutes() + "m"
                : EARLY_LAG;
    }

    private static ConfigurableApplicationContext startServe(String lag) {
        List<String> properties = new ArrayList<>(List.of(common(sandbox.baseUrl().toString())));
        properties.addAll(List.of("--spring.main.web-application-type=servlet",
                "--server.port=" + prometheus.servePort, "--flowbill.serve.tick-interval=1s",
                "--flowbill.metering.lag=" + lag));
        return new SpringApplicationBuilder(FlowbillApplication.class).web(WebApplicationType.SERVLET)
                .run(properties.toArray(String[]::new));
    }

    /**
     * Waits until Prometheus holds a scrape of serve made after {@code after} with the job repository's gauges, in
     * which metering last succeeded after {@code meteredAfter} and no metering runs.
     */
    private static void awaitServeScrape(Instant after, Instant meteredAfter) throws IOException, InterruptedException {
        String metering = "{job=\"" + LocalPrometheus.SERVE_JOB + "\", job_name=\"meteringJob\"}";
        String query = "timestamp(flowbill_last_success_timestamp_seconds" + metering + ") > " + after.getEpochSecond()
                + " and flowbill_last_success_timestamp_seconds" + metering + " > " + meteredAfter.getEpochSecond()
                + " and flowbill_last_success_timestamp_seconds" + metering
                + " >= flowbill_last_run_timestamp_seconds" + metering;
        JsonNode result = prometheus.await(query, r -> !r.isEmpty(), WAIT);
        assertThat(result).as("a scrape of serve after %s with flowbill_last_success_timestamp_seconds; "
                + "prometheus log:%n%s", after, prometheus.log("prometheus")).isNotEmpty();
    }

    /** A one-shot command line against the API at {@code apiUrl}, pushing to the Pushgateway. */
    private static String[] args(String apiUrl, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(common(apiUrl)));
        args.add("--flowbill.metrics.pushgateway.url=" + prometheus.pushgateway);
        args.addAll(TestSeller.ARGS);
        return args.toArray(String[]::new);
    }

    private static String[] common(String apiUrl) {
        return new String[] { "--spring.datasource.url=" + database.url(),
            "--spring.datasource.username=" + database.user(),
            "--spring.datasource.password=" + database.password(),
            "--flowbill.api.base-url=" + apiUrl,
            "--flowbill.api.token-file=" + workDir.resolve("token"),
            "--flowbill.export.dir=" + workDir.resolve("exports") };
    }
}

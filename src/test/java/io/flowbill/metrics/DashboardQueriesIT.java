package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.flowbill.metrics.GrafanaInterpolation.Selection;

import tools.jackson.databind.JsonNode;

/**
 * The dashboards ask only for what flowbill has: every PromQL expression names metrics that a real {@code nightly}
 * pushed (or that the Pushgateway adds to every group), and every SQL panel query, with its variables filled the way
 * Grafana fills them ({@link GrafanaInterpolation}) for the tenant at All, at one value and at several, runs on the
 * schema that run filled and returns the columns its panel shows.
 */
class DashboardQueriesIT {

    /** What the Pushgateway itself adds to each group it holds. */
    static final Set<String> PUSHGATEWAY_METRICS = Set.of("push_time_seconds", "push_failure_time_seconds");

    private static final Set<Integer> NUMERIC = Set.of(Types.NUMERIC, Types.DECIMAL, Types.BIGINT, Types.INTEGER,
            Types.SMALLINT, Types.DOUBLE, Types.REAL, Types.FLOAT);
    private static final Set<Integer> TIMESTAMP = Set.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);

    final NightlyRun run = NightlyRun.shared();

    @Test
    void everyPromQlExpressionNamesOnlyMetricsTheNightlyRunExported() {
        Set<String> exported = new java.util.TreeSet<>(PUSHGATEWAY_METRICS);
        exported.addAll(ExportedSamples.parse(run.pushgateway.pushes().get(0).text()).names());

        List<DashboardFiles.Query> promql = DashboardFiles.queries().stream().filter(DashboardFiles.Query::promql)
                .toList();
        assertThat(promql).as("PromQL queries of the dashboards").isNotEmpty();
        for (DashboardFiles.Query query : promql) {
            assertThat(DashboardFiles.metricNames(query.text())).as("metrics of %s: %s", query, query.text())
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(exported).as("exported sample names").contains(name));
        }
    }

    @Test
    void everySqlPanelQueryRunsOnTheSchemaWithTenantAtAllOneAndSeveralAndReturnsTheColumnsItsPanelExpects()
            throws Exception {
        // the week up to the billed day's last second, as a dashboard time range would be
        Instant to = run.day.plusDays(1).atStartOfDay(NightlyRun.ZONE).toInstant().minusSeconds(1);
        Instant from = to.minusSeconds(7 * 86_400L);
        Map<String, JsonNode> dashboards = DashboardFiles.all();

        List<DashboardFiles.Query> sql = DashboardFiles.queries().stream().filter(query -> !query.promql()).toList();
        assertThat(sql).as("SQL queries of the dashboards").hasSizeGreaterThanOrEqualTo(5);
        try (Connection db = run.connect(); Statement statement = db.createStatement()) {
            List<String> tenants = tenants(statement);
            Map<String, Function<JsonNode, Selection>> cases = new LinkedHashMap<>();
            // the variable's options are the tenants Prometheus knows: the billed one and one without data
            cases.put("All", variable -> Selection.all(variable, List.of(tenants.get(0), "no-data-tenant")));
            cases.put("one", variable -> Selection.of(variable, tenants.get(0)));
            cases.put("several", variable -> Selection.of(variable, tenants.get(0), "no-data-tenant"));
            for (DashboardFiles.Query query : sql) {
                for (Map.Entry<String, Function<JsonNode, Selection>> tenant : cases.entrySet()) {
                    String expanded = DashboardFiles.expandSql(query.text(), from, to,
                            DashboardFiles.selecting(dashboards.get(query.dashboard()), tenant.getValue()));
                    try (ResultSet rs = executeQuery(statement, query + ", tenant " + tenant.getKey(), expanded)) {
                        List<String> columns = columns(rs.getMetaData());
                        if (query.target().get("format").asString().equals("time_series")) {
                            checkTimeSeries(query, rs.getMetaData(), columns);
                        }
                        else {
                            assertThat(columns).as("columns of table %s", query).containsAll(overriddenColumns(query));
                        }
                        assertThat(rs.next()).as("%s, tenant %s, returns rows for %s .. %s:%n%s", query,
                                tenant.getKey(), from, to, expanded).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theReconciliationPanelAddsTheDailyEstimatesTheDifferenceOfRatingOnceAndTheInvoicesOtherLinesUpToItsTotal() throws Exception {
        Instant to = run.day.plusDays(1).atStartOfDay(NightlyRun.ZONE).toInstant().minusSeconds(1);
        Map<String, JsonNode> dashboards = DashboardFiles.all();
        DashboardFiles.Query reconciliation = DashboardFiles.queries().stream()
                .filter(query -> query.panel().startsWith("Reconciliation")).findFirst().orElseThrow();
        try (Connection db = run.connect(); Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(DashboardFiles.expandSql(reconciliation.text(),
                        to.minusSeconds(7 * 86_400L), to, DashboardFiles.selecting(dashboards.get(
                                reconciliation.dashboard()), variable -> Selection.all(variable, tenants(statement)))))) {
            assertThat(rs.next()).as("a reconciliation row for the month of %s", run.day).isTrue();
            do {
                String tenant = rs.getString("tenant");
                assertThat(rs.getBigDecimal("daily_charges")).as("daily charges of %s", tenant).isPositive();
                assertThat(rs.getBigDecimal("difference")).as("invoice total - (its lines and tax), tenant='%s'",
                        tenant).isEqualByComparingTo("0");
                assertThat(rs.getBigDecimal("daily_charges").add(rs.getBigDecimal("rating_once"))
                        .add(rs.getBigDecimal("month_level")).add(rs.getBigDecimal("adjustments"))
                        .add(rs.getBigDecimal("tax"))).as("daily + rating once + month-level + adjustments + tax,"
                        + " tenant='%s'", tenant).isEqualByComparingTo(rs.getBigDecimal("invoice_total"));
            } while (rs.next());
        }
    }

    @Test
    void everySqlPanelShowsOnlyTheTenantsSelected() throws Exception {
        Instant to = run.day.plusDays(1).atStartOfDay(NightlyRun.ZONE).toInstant().minusSeconds(1);
        Instant from = to.minusSeconds(7 * 86_400L);
        Map<String, JsonNode> dashboards = DashboardFiles.all();
        try (Connection db = run.connect(); Statement statement = db.createStatement()) {
            for (DashboardFiles.Query query : DashboardFiles.queries().stream().filter(q -> !q.promql()).toList()) {
                String expanded = DashboardFiles.expandSql(query.text(), from, to, DashboardFiles.selecting(
                        dashboards.get(query.dashboard()), variable -> Selection.of(variable, "no-such-tenant")));
                try (ResultSet rs = statement.executeQuery(expanded)) {
                    assertThat(rs.next()).as("%s with tenant 'no-such-tenant' selected:%n%s", query, expanded)
                            .isFalse();
                }
            }
        }
    }

    /** The tenants that have an invoice, as the dashboard's tenant variable (a Prometheus label) lists them. */
    private static List<String> tenants(Statement statement) {
        List<String> tenants = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("select distinct tenant_id from invoice order by 1")) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return tenants;
    }

    /** Runs the query, failing with the panel, the case and the SQL as sent when PostgreSQL refuses it. */
    private static ResultSet executeQuery(Statement statement, String what, String sql) {
        try {
            return statement.executeQuery(sql);
        }
        catch (java.sql.SQLException e) {
            throw new AssertionError(what + ": PostgreSQL refused the query as Grafana sends it: " + e.getMessage()
                    + "\n" + sql, e);
        }
    }

    /** Grafana's time-series format: a {@code time} column, numbers, and optionally a {@code metric} column. */
    private static void checkTimeSeries(DashboardFiles.Query query, ResultSetMetaData meta, List<String> columns)
            throws Exception {
        assertThat(columns).as("columns of time series %s", query).contains("time");
        int values = 0;
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i);
            int type = meta.getColumnType(i);
            if (column.equals("time")) {
                assertThat(TIMESTAMP).as("type of %s.time", query).contains(type);
            }
            else if (column.equals("metric")) {
                assertThat(type).as("type of %s.metric", query).isIn(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR);
            }
            else {
                assertThat(NUMERIC).as("type of %s.%s", query, column).contains(type);
                values++;
            }
        }
        assertThat(values).as("value columns of %s", query).isPositive();
        if (columns.contains("metric")) {
            assertThat(columns).as("long format of %s", query).containsExactlyInAnyOrder("time", "metric", "value");
        }
    }

    private static List<String> overriddenColumns(DashboardFiles.Query query) {
        List<String> names = new ArrayList<>();
        for (JsonNode override : query.panelNode().path("fieldConfig").path("overrides")) {
            if (override.path("matcher").path("id").asString("").equals("byName")) {
                names.add(override.path("matcher").path("options").asString());
            }
        }
        assertThat(names).as("columns the table %s names", query).isNotEmpty();
        return names;
    }

    private static List<String> columns(ResultSetMetaData meta) throws Exception {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        return columns;
    }
}

package io.flowbill.metrics;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** flowbill's Grafana dashboards as the tests read them: panels, their queries, the template variables. */
final class DashboardFiles {

    static final Path FOLDER = Path.of("dashboards");
    /** Each dashboard file and the uid links and alerts depend on: never change one. */
    static final Map<String, String> UIDS = Map.of(
            "flowbill-operations.json", "flowbill-operations",
            "flowbill-traffic-cost.json", "flowbill-traffic-cost");

    /** One panel query, with what it needs to be checked. */
    record Query(String dashboard, String panel, String panelType, JsonNode panelNode, JsonNode target) {

        String datasourceType() {
            JsonNode datasource = target.has("datasource") ? target.get("datasource") : panelNode.get("datasource");
            return datasource.get("type").asString();
        }

        boolean promql() {
            return datasourceType().equals("prometheus");
        }

        String text() {
            return promql() ? target.get("expr").asString() : target.get("rawSql").asString();
        }

        @Override
        public String toString() {
            return dashboard + " / " + panel + " / " + target.get("refId").asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DashboardFiles() {
    }

    static Map<String, JsonNode> all() {
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        for (String file : new TreeSet<>(UIDS.keySet())) {
            dashboards.put(file, JSON.readTree(FOLDER.resolve(file).toFile()));
        }
        return dashboards;
    }

    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            panels.add(panel);
            if (panel.has("panels")) {
                panel.get("panels").forEach(panels::add);
            }
        }
        return panels;
    }

    static List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        all().forEach((file, dashboard) -> {
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(file, panel.get("title").asString(), panel.get("type").asString(), panel,
                            target));
                }
            }
        });
        return queries;
    }

    /** The template variables of a dashboard by name. */
    static Map<String, JsonNode> variables(JsonNode dashboard) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            variables.put(variable.get("name").asString(), variable);
        }
        return variables;
    }

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    /** The metric names a PromQL expression selects: not its functions, labels, groupings, ranges or numbers. */
    static Set<String> metricNames(String promql) {
        String bare = STRING.matcher(promql).replaceAll("\"\"");
        bare = bare.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            if (!KEYWORDS.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /**
     * A SQL panel query as Grafana's PostgreSQL datasource would send it for the time range {@code [from, to]}:
     * the time macros expanded the way Grafana expands them, the variables as {@link GrafanaInterpolation} fills
     * them for what is selected.
     */
    static String expandSql(String sql, Instant from, Instant to, Map<String, GrafanaInterpolation.Selection> selected) {
        String expanded = sql
                .replaceAll("\\$__timeFilter\\(([^)]+)\\)", "$1 BETWEEN '" + from + "' AND '" + to + "'")
                .replace("$__timeFrom()", "'" + from + "'")
                .replace("$__timeTo()", "'" + to + "'")
                .replace("$__unixEpochFrom()", Long.toString(from.getEpochSecond()))
                .replace("$__unixEpochTo()", Long.toString(to.getEpochSecond()));
        expanded = GrafanaInterpolation.interpolate(expanded, "grafana-postgresql-datasource", selected);
        if (expanded.contains("$")) {
            throw new AssertionError("unexpanded macro or variable in: " + expanded);
        }
        return expanded;
    }

    /** The dashboard's variables at their current values, and {@code tenant} as {@code tenant} selects it. */
    static Map<String, GrafanaInterpolation.Selection> selecting(JsonNode dashboard,
            java.util.function.Function<JsonNode, GrafanaInterpolation.Selection> tenant) {
        Map<String, GrafanaInterpolation.Selection> selected = new LinkedHashMap<>();
        currentValues(dashboard).forEach((name, value) -> selected.put(name,
                GrafanaInterpolation.Selection.of(variables(dashboard).get(name), value)));
        selected.put("tenant", tenant.apply(variables(dashboard).get("tenant")));
        return selected;
    }

    /** The current value of every variable that has one (textbox, constant, custom). */
    static Map<String, String> currentValues(JsonNode dashboard) {
        Map<String, String> values = new LinkedHashMap<>();
        variables(dashboard).forEach((name, variable) -> {
            JsonNode value = variable.path("current").path("value");
            if (value.isString()) {
                values.put(name, value.asString());
            }
        });
        return values;
    }
}

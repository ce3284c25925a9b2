package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;

/** The Grafana conventions of STYLE.md hold for every dashboard, panel and query. */
class DashboardConventionsTest {

    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern RANGE = Pattern.compile("\\[([^]]*)]");
    private static final Pattern RANGE_FUNCTION = Pattern.compile("\\b(rate|irate|increase|delta|deriv|\\w+_over_time)\\s*\\(");

    @Test
    void eachDashboardHasItsStableUidATitleAndTheFlowbillTag() {
        DashboardFiles.all().forEach((file, dashboard) -> {
            assertThat(dashboard.get("uid").asString()).as("uid of %s", file).isEqualTo(DashboardFiles.UIDS.get(file));
            assertThat(dashboard.get("title").asString()).as("title of %s", file).startsWith("flowbill / ");
            assertThat(dashboard.get("tags").toString()).as("tags of %s", file).contains("\"flowbill\"");
        });
    }

    @Test
    void everyPanelAndQueryTakesItsDatasourceFromATemplateVariableOfThatType() {
        DashboardFiles.all().forEach((file, dashboard) -> {
            Map<String, JsonNode> variables = DashboardFiles.variables(dashboard);
            for (JsonNode panel : DashboardFiles.panels(dashboard)) {
                List<JsonNode> datasources = new ArrayList<>(List.of(panel.get("datasource")));
                panel.path("targets").forEach(target -> datasources.add(target.get("datasource")));
                for (JsonNode datasource : datasources) {
                    String where = file + " / " + panel.get("title").asString();
                    Matcher reference = VARIABLE_REFERENCE.matcher(datasource.get("uid").asString());
                    assertThat(reference.matches()).as("datasource uid of %s is ${variable}: %s", where, datasource)
                            .isTrue();
                    JsonNode variable = variables.get(reference.group(1));
                    assertThat(variable).as("variable %s of %s", reference.group(1), where).isNotNull();
                    assertThat(variable.get("type").asString()).as("type of variable %s", reference.group(1))
                            .isEqualTo("datasource");
                    assertThat(variable.get("query").asString()).as("plugin of variable %s used by %s",
                            reference.group(1), where).isEqualTo(datasource.get("type").asString());
                }
            }
        });
    }

    @Test
    void everyPanelHasAUnit() {
        DashboardFiles.all().forEach((file, dashboard) -> {
            for (JsonNode panel : DashboardFiles.panels(dashboard)) {
                assertThat(panel.path("fieldConfig").path("defaults").path("unit").asString(""))
                        .as("unit of %s / %s", file, panel.get("title").asString()).isNotBlank();
            }
        });
    }

    @Test
    void everyRangeInPromQlIsTheRateIntervalAndEveryRateHasOne() {
        for (DashboardFiles.Query query : DashboardFiles.queries()) {
            if (!query.promql()) {
                continue;
            }
            Matcher range = RANGE.matcher(query.text());
            int ranges = 0;
            while (range.find()) {
                ranges++;
                assertThat(range.group(1)).as("range in %s: %s", query, query.text()).isEqualTo("$__rate_interval");
            }
            int rangeFunctions = (int) RANGE_FUNCTION.matcher(query.text()).results().count();
            assertThat(ranges).as("ranges of the %d range functions in %s: %s", rangeFunctions, query, query.text())
                    .isEqualTo(rangeFunctions);
        }
    }

    @Test
    void panelIdsAreUniqueAndPanelsDoNotOverlap() {
        DashboardFiles.all().forEach((file, dashboard) -> {
            Set<Integer> ids = new HashSet<>();
            List<JsonNode> placed = new ArrayList<>();
            for (JsonNode panel : DashboardFiles.panels(dashboard)) {
                assertThat(ids.add(panel.get("id").asInt())).as("id of %s / %s is unique", file,
                        panel.get("title").asString()).isTrue();
                JsonNode at = panel.get("gridPos");
                assertThat(at.get("x").asInt() + at.get("w").asInt()).as("right edge of %s", panel.get("title"))
                        .isLessThanOrEqualTo(24);
                for (JsonNode other : placed) {
                    assertThat(overlap(at, other.get("gridPos"))).as("%s overlaps %s in %s", panel.get("title"),
                            other.get("title"), file).isFalse();
                }
                placed.add(panel);
            }
        });
    }

    @Test
    void metricNamesOfAnExpressionLeaveOutFunctionsLabelsGroupingsAndRanges() {
        assertThat(DashboardFiles.metricNames("histogram_quantile(0.95, sum by (le, endpoint) "
                + "(rate(flowbill_api_requests_seconds_bucket{outcome!=\"success\"}[$__rate_interval])))"))
                .containsExactly("flowbill_api_requests_seconds_bucket");
        assertThat(DashboardFiles.metricNames("time() - max by (job_name) (a_seconds) / on (x) group_left b_total"))
                .containsExactly("a_seconds", "b_total");
    }

    @Test
    void provisioningLoadsTheDashboardsFolderAndDefinesADatasourceForEveryVariable() throws IOException {
        Map<String, Object> providers = yaml("provisioning/dashboards/flowbill.yaml");
        Map<String, Object> datasources = yaml("provisioning/datasources/flowbill.yaml");

        List<Map<String, Object>> providerList = list(providers.get("providers"));
        assertThat(providerList).as("dashboard providers").hasSize(1);
        assertThat(providerList.get(0)).containsEntry("type", "file").containsEntry("folderUid", "flowbill");
        assertThat(map(providerList.get(0).get("options"))).containsEntry("path", "${FLOWBILL_DASHBOARDS_DIR}");
        Set<String> provisionedTypes = new HashSet<>();
        list(datasources.get("datasources")).forEach(datasource -> provisionedTypes.add((String) datasource.get("type")));
        DashboardFiles.all().forEach((file, dashboard) -> DashboardFiles.variables(dashboard).values().stream()
                .filter(variable -> variable.get("type").asString().equals("datasource"))
                .forEach(variable -> assertThat(provisionedTypes).as("provisioned datasource types for %s", file)
                        .contains(variable.get("query").asString())));
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.get("x").asInt() < b.get("x").asInt() + b.get("w").asInt()
                && b.get("x").asInt() < a.get("x").asInt() + a.get("w").asInt()
                && a.get("y").asInt() < b.get("y").asInt() + b.get("h").asInt()
                && b.get("y").asInt() < a.get("y").asInt() + a.get("h").asInt();
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(DashboardFiles.FOLDER.resolve(file))) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}

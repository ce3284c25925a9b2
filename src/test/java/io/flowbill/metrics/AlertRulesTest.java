package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.flowbill.system.ExternalTool;

/**
 * The alerting rules in {@code dashboards/alerts/}: promtool accepts them and their unit tests pass, every alert
 * has a test in which it fires, the Kubernetes PrometheusRule carries the same groups, and the operations guide
 * explains each alert.
 */
class AlertRulesTest {

    static final Path RULES = Path.of("dashboards/alerts/flowbill-rules.yaml");
    static final Path RULE_TESTS = Path.of("dashboards/alerts/flowbill-rules.test.yaml");
    static final Path PROMETHEUS_RULE = Path.of("jobs/kubernetes/prometheus-rule.yaml");
    static final Set<String> REQUIRED_ALERTS = Set.of("FlowbillJobFailed", "FlowbillMeteringStale",
            "FlowbillNightlyStale", "FlowbillExceptionsUnresolved", "FlowbillPushStale", "FlowbillMetricsAbsent");
    private static final String NO_PROMTOOL =
            "promtool is not installed (Debian: apt-get install prometheus, as .ci/run does); skipping the rule checks";

    @Test
    void promtoolAcceptsTheRules() throws IOException {
        ExternalTool.require(ExternalTool.installed("promtool", "--version"), NO_PROMTOOL);

        ExternalTool.Run check = ExternalTool.run("", "promtool", "check", "rules", RULES.toString());

        assertThat(check.exit()).as("%s", check).isZero();
        assertThat(check.output()).as("%s", check).contains("SUCCESS");
    }

    @Test
    void everyAlertBehavesAsItsPromtoolUnitTestsSay() throws IOException {
        ExternalTool.require(ExternalTool.installed("promtool", "--version"), NO_PROMTOOL);

        ExternalTool.Run tests = ExternalTool.run("", "promtool", "test", "rules", RULE_TESTS.toString());

        assertThat(tests.exit()).as("%s", tests).isZero();
        assertThat(tests.output()).as("%s", tests).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasAUnitTestInWhichItFires() throws IOException {
        Set<String> alerts = alertNames(groups(load(RULES)));
        Set<String> firing = new LinkedHashSet<>();
        for (Map<String, Object> test : list(load(RULE_TESTS), "tests")) {
            for (Map<String, Object> check : list(test, "alert_rule_test")) {
                if (check.get("exp_alerts") instanceof List<?> expected && !expected.isEmpty()) {
                    firing.add((String) check.get("alertname"));
                }
            }
        }

        assertThat(alerts).as("alerts in %s", RULES).containsAll(REQUIRED_ALERTS);
        assertThat(firing).as("alerts that fire in some test of %s", RULE_TESTS).containsExactlyInAnyOrderElementsOf(alerts);
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePrometheusRuleForKubernetesCarriesTheSameGroups() throws IOException {
        Map<String, Object> prometheusRule = load(PROMETHEUS_RULE);

        assertThat(prometheusRule).containsEntry("apiVersion", "monitoring.coreos.com/v1")
                .containsEntry("kind", "PrometheusRule");
        assertThat(((Map<String, Object>) prometheusRule.get("spec")).get("groups"))
                .as("spec.groups of %s against the groups of %s: copy the rules file's groups", PROMETHEUS_RULE, RULES)
                .isEqualTo(load(RULES).get("groups"));
    }

    @Test
    void theOperationsGuideSaysWhatEachAlertMeansAndWhatToDo() throws IOException {
        String alertsSection = Files.readString(Path.of("docs/operations.md")).split("(?m)^## Alerts$", 2)[1]
                .split("(?m)^## ", 2)[0];

        for (String alert : alertNames(groups(load(RULES)))) {
            assertThat(alertsSection).as("docs/operations.md, Alerts").containsPattern("\\| `" + alert + "` \\|");
        }
    }

    private static Set<String> alertNames(List<Map<String, Object>> groups) {
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : list(group, "rules")) {
                if (rule.containsKey("alert")) {
                    names.add((String) rule.get("alert"));
                }
            }
        }
        return names;
    }

    private static List<Map<String, Object>> groups(Map<String, Object> rules) {
        return list(rules, "groups");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : new ArrayList<>((List<Map<String, Object>>) value);
    }

    static Map<String, Object> load(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }
}

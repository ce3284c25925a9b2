package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.flowbill.metrics.GrafanaInterpolation.Selection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The emulation of Grafana's variable interpolation, on the cases the dashboard tests rely on. */
class GrafanaInterpolationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNode TENANT = JSON.readTree("{\"name\": \"tenant\", \"multi\": true, \"includeAll\": true}");
    static final JsonNode TENANT_ALL_REGEX = JSON.readTree(
            "{\"name\": \"tenant\", \"multi\": true, \"includeAll\": true, \"allValue\": \".*\"}");
    static final List<String> OPTIONS = List.of("acme", "o'brien.io");

    @Test
    void sqlstringQuotesEveryValueOfOneSeveralOrAll() {
        String sql = "tenant_id in (${tenant:sqlstring})";

        assertThat(sql(sql, Selection.of(TENANT, "acme"))).isEqualTo("tenant_id in ('acme')");
        assertThat(sql(sql, Selection.of(TENANT, "acme", "o'brien.io"))).isEqualTo("tenant_id in ('acme','o''brien.io')");
        assertThat(sql(sql, Selection.all(TENANT, OPTIONS))).isEqualTo("tenant_id in ('acme','o''brien.io')");
    }

    @Test
    void aCustomAllValueIsInsertedUnformattedEvenForSql() {
        assertThat(sql("tenant_id in (${tenant:sqlstring})", Selection.all(TENANT_ALL_REGEX, OPTIONS)))
                .isEqualTo("tenant_id in (.*)");
        assertThat(promql("x{tenant=~\"$tenant\"}", Selection.all(TENANT_ALL_REGEX, OPTIONS)))
                .isEqualTo("x{tenant=~\".*\"}");
    }

    @Test
    void prometheusEscapesRegexCharactersAndJoinsSeveralValuesAsAnAlternation() {
        assertThat(promql("x{tenant=~\"$tenant\"}", Selection.of(TENANT, "o'brien.io"))).isEqualTo("x{tenant=~\"o'brien\\.io\"}");
        assertThat(promql("x{tenant=~\"${tenant}\"}", Selection.all(TENANT, OPTIONS)))
                .isEqualTo("x{tenant=~\"(acme|o'brien\\.io)\"}");
    }

    @Test
    void postgresWithoutAFormatQuotesTheValuesOfAMultiValueVariable() {
        assertThat(sql("tenant_id in ($tenant)", Selection.of(TENANT, "acme", "globex")))
                .isEqualTo("tenant_id in ('acme','globex')");
        assertThat(sql("zone = '${zone}'", Selection.of(JSON.readTree("{\"name\": \"zone\"}"), "Asia/Shanghai")))
                .isEqualTo("zone = 'Asia/Shanghai'");
    }

    private static String sql(String text, Selection selection) {
        return GrafanaInterpolation.interpolate(text, "grafana-postgresql-datasource",
                Map.of(selection.variable().get("name").asString(), selection));
    }

    private static String promql(String text, Selection selection) {
        return GrafanaInterpolation.interpolate(text, "prometheus", Map.of("tenant", selection));
    }
}

package io.flowbill.metrics;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Grafana's template variable interpolation, as its {@code TemplateSrv.replace} and the datasources do it, for the
 * variables and formats flowbill's dashboards use: {@code $name}, {@code ${name}} and {@code ${name:format}} with the
 * formats {@code sqlstring}, {@code regex}, {@code csv}, {@code raw}, {@code pipe}, and each datasource's own format
 * when none is named. The rules that matter:
 * <ul>
 *   <li>"All" with a custom all value ({@code allValue}) inserts that value as it is, whatever the format (Grafana
 *       formats it only for {@code text}, {@code percentencode} and {@code queryparam}): {@code ${tenant:sqlstring}}
 *       becomes {@code .*}.</li>
 *   <li>"All" without one stands for every option's value, formatted like several selected values.</li>
 *   <li>Without a named format, PostgreSQL quotes each value of a multi-value variable and joins them with commas;
 *       Prometheus escapes regex characters and joins several values as {@code (a|b)}.</li>
 * </ul>
 */
final class GrafanaInterpolation {

    /** What is selected in one variable: "All" over its options, or the values picked. */
    record Selection(JsonNode variable, boolean all, List<String> values, List<String> options) {

        static Selection all(JsonNode variable, List<String> options) {
            return new Selection(variable, true, List.of(), options);
        }

        static Selection of(JsonNode variable, String... values) {
            return new Selection(variable, false, List.of(values), List.of());
        }

        boolean multiValued() {
            return variable.path("multi").asBoolean(false) || variable.path("includeAll").asBoolean(false);
        }

        @Override
        public String toString() {
            return all ? "All" : String.join(",", values);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::(\\w+))?}|\\$(\\w+)");
    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$*+?.()|{}\\[\\]/]");

    private GrafanaInterpolation() {
    }

    /** {@code text} with every variable of {@code selections} replaced as Grafana sends it to {@code datasourceType}. */
    static String interpolate(String text, String datasourceType, Map<String, Selection> selections) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
            Selection selection = selections.get(name);
            String replacement = selection == null ? matcher.group() : value(selection, matcher.group(2), datasourceType);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String value(Selection selection, String format, String datasourceType) {
        if (selection.all() && selection.variable().hasNonNull("allValue")) {
            // TemplateSrv: "skip formatting of custom all values"
            return selection.variable().get("allValue").asString();
        }
        List<String> values = selection.all() ? selection.options() : selection.values();
        boolean array = selection.all() || selection.multiValued();
        if (format == null) {
            return datasourceType.equals("prometheus") ? regex(values, array) : sqlDefault(values, array);
        }
        return switch (format) {
            case "sqlstring" -> values.stream().map(GrafanaInterpolation::quote).collect(Collectors.joining(","));
            case "regex" -> regex(values, array);
            case "csv", "raw" -> String.join(",", values);
            case "pipe" -> String.join("|", values);
            default -> throw new IllegalArgumentException("format " + format + " is not emulated");
        };
    }

    /** PostgreSQL's interpolateVariable: quoted for a multi-value variable, only quotes doubled otherwise. */
    private static String sqlDefault(List<String> values, boolean array) {
        if (!array) {
            return values.get(0).replace("'", "''");
        }
        return values.stream().map(GrafanaInterpolation::quote).collect(Collectors.joining(","));
    }

    /** Regex format (and Prometheus' interpolateQueryExpr): one escaped value, or {@code (a|b)}. */
    private static String regex(List<String> values, boolean array) {
        List<String> escaped = values.stream().map(GrafanaInterpolation::regexEscape).toList();
        return !array || escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
    }

    private static String regexEscape(String value) {
        return REGEX_SPECIAL.matcher(value).replaceAll("\\\\$0");
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

package io.flowbill.export;

import static io.flowbill.export.ReportNumbers.count;
import static io.flowbill.export.ReportNumbers.grouped;
import static io.flowbill.export.ReportNumbers.text;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.flowbill.system.DemoMode;

/**
 * Renders {@code report-<date>.html}: one self-contained page per tenant and day with the totals, the month to date
 * reconciled with its invoice, amounts by item and the change from the day before, the top containers, amounts by
 * charge type, traffic by hour over a y-axis, the containers not billed and why, and the exceptions; charts as
 * inline SVG. It loads nothing (no script, no
 * link, no image; its Content-Security-Policy forbids any), and holds no time of writing, so the same data gives
 * the same bytes.
 */
final class ReportPage {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:24px auto;\
            max-width:960px;padding:0 16px;color:#1d2733}
            h1{font-size:1.5em;margin-bottom:4px}h2{font-size:1.15em;margin-top:28px;border-bottom:1px solid #d6dde5}
            .meta{color:#5b6875;margin-top:0}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px;margin:0}
            .card{border:1px solid #d6dde5;border-radius:6px;padding:10px 12px}
            .card dt{color:#5b6875;font-size:.85em}.card dd{margin:4px 0 0;font-size:1.25em;font-weight:600;overflow-wrap:anywhere}
            table{border-collapse:collapse;margin-top:8px}td,th{padding:3px 10px;border-bottom:1px solid #eef1f4}
            th{text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            svg{display:block;margin-top:8px;font-size:12px}svg text{fill:#1d2733}
            footer{margin-top:32px;color:#5b6875;font-size:.85em}
            """;

    private ReportPage() {
    }

    static String render(ReportFigures day) {
        String currency = text(day.currency());
        ChargeTally charges = day.charges();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>flowbill ").append(text(day.tenant())).append(' ').append(day.date())
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        if (DemoMode.TENANT.equals(day.tenant())) {
            html.append("<p class=\"demo\"><strong>DEMO</strong>: a simulated fleet from the built-in sandbox, not a bill</p>\n");
        }
        html.append("<h1>").append(text(day.tenant())).append(" \u00b7 ").append(day.date()).append("</h1>\n")
                .append("<p class=\"meta\">Billing day in ").append(text(day.zone().getId()))
                .append(" \u00b7 price versions ").append(day.priceVersions().isEmpty() ? "none"
                        : text(String.join(", ", day.priceVersions())))
                .append(" \u00b7 rating run ").append(day.runId() == null ? "none (not rated)" : day.runId())
                .append("</p>\n");

        html.append("<section id=\"totals\">\n<h2>Totals</h2>\n<dl class=\"cards\">\n");
        card(html, "total-amount", "Total amount", grouped(charges.amount()) + " " + currency);
        card(html, "month-to-date", "Month to date" + (day.monthToDate().hasInvoice() ? " ("
                + text(day.monthToDate().invoice().status()) + " invoice)" : ""),
                grouped(day.monthToDate().total()) + " " + currency);
        card(html, "charge-lines", "Charge lines", count(charges.rows()));
        card(html, "containers", "Containers billed", count(charges.containers()));
        card(html, "containers-not-billed", "Containers not billed", count(day.unbilled().count()));
        card(html, "traffic-out", "Traffic out", ReportNumbers.gb(day.traffic().outGb()));
        card(html, "traffic-in", "Traffic in", ReportNumbers.gb(day.traffic().inGb()));
        card(html, "exceptions-total", "Exceptions", count(day.exceptions().rows()));
        html.append("</dl>\n</section>\n");

        ReportSections.monthToDate(html, day);

        html.append("<section id=\"by-item\">\n<h2>Amount by item</h2>\n")
                .append(SvgCharts.bars("Amount by item", charges.byItem(), day.currency())).append('\n');
        amountTable(html, "item", charges.byItem(), Map.of(), currency);
        html.append("</section>\n");
        ReportSections.dayBefore(html, day);
        ReportSections.top(html, day);

        html.append("<section id=\"by-charge-type\">\n<h2>Amount by charge type</h2>\n")
                .append(SvgCharts.bars("Amount by charge type", charges.byChargeType(), day.currency())).append('\n');
        amountTable(html, "charge type", charges.byChargeType(), charges.containersByChargeType(), currency);
        html.append("</section>\n");

        traffic(html, day.traffic());
        ReportSections.unbilled(html, day);
        exceptions(html, day);

        html.append("<footer>Figures of <code>").append(text(day.chargesFile())).append("</code> and <code>")
                .append(text(day.exceptionsFile())).append("</code> in this folder; <code>")
                .append(Manifest.FILE_NAME).append("</code> holds their rows, totals and SHA-256.")
                .append(" Written by flowbill.</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void card(StringBuilder html, String id, String label, String value) {
        html.append("<div class=\"card\"><dt>").append(label).append("</dt><dd id=\"").append(id).append("\">")
                .append(value).append("</dd></div>\n");
    }

    private static void amountTable(StringBuilder html, String key, SortedMap<String, BigDecimal> amounts,
            Map<String, Long> containers, String currency) {
        html.append("<table>\n<tr><th>").append(key).append("</th>")
                .append(containers.isEmpty() ? "" : "<th class=\"n\">containers</th>")
                .append("<th class=\"n\">amount (").append(currency).append(")</th></tr>\n");
        amounts.forEach((name, amount) -> {
            html.append("<tr><td>").append(text(name)).append("</td>");
            if (!containers.isEmpty()) {
                html.append("<td class=\"n\">").append(containers.getOrDefault(name, 0L)).append("</td>");
            }
            html.append("<td class=\"n\">").append(grouped(amount)).append("</td></tr>\n");
        });
        html.append("</table>\n");
    }

    private static void traffic(StringBuilder html, Traffic traffic) {
        html.append("<section id=\"traffic\">\n<h2>Traffic by hour</h2>\n")
                .append(SvgCharts.hourly("Traffic by hour, GB", traffic.hours())).append('\n')
                .append("<p>Out (up) ").append(ReportNumbers.gb(traffic.outGb())).append(", in (down) ")
                .append(ReportNumbers.gb(traffic.inGb())).append(" (shown with 2 decimals; the charges file has the")
                .append(" billed quantities); 1 GB = ").append(grouped(traffic.mbPerGb())).append(" MB.");
        if (traffic.unreadableHours() > 0) {
            html.append(" The traffic of ").append(traffic.unreadableHours())
                    .append(" container-hour(s) could not be read and is not counted (see the exceptions).");
        }
        html.append("</p>\n</section>\n");
    }

    private static void exceptions(StringBuilder html, ReportFigures day) {
        ExceptionTally exceptions = day.exceptions();
        html.append("<section id=\"exceptions\">\n<h2>Exceptions</h2>\n");
        if (exceptions.rows() == 0) {
            html.append("<p>No unresolved metering exceptions.</p>\n</section>\n");
            return;
        }
        SortedMap<String, BigDecimal> byKind = new TreeMap<>();
        exceptions.byKind().forEach((kind, count) -> byKind.put(kind, BigDecimal.valueOf(count)));
        html.append(SvgCharts.bars("Exceptions by kind", byKind, "")).append('\n');
        html.append("<table>\n<tr><th>container</th><th>hour (UTC)</th><th>kind</th><th>raw value</th>")
                .append("<th>message</th></tr>\n");
        for (ExceptionTally.Listed row : exceptions.listed()) {
            html.append("<tr><td>").append(row.containerId()).append("</td><td>").append(row.windowStart())
                    .append("</td><td>").append(text(row.kind())).append("</td><td>")
                    .append(text(row.rawValue())).append("</td><td>").append(text(row.message()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (exceptions.rows() > exceptions.listed().size()) {
            html.append("<p>").append(exceptions.rows() - exceptions.listed().size()).append(" more in <code>")
                    .append(text(day.exceptionsFile())).append("</code>.</p>\n");
        }
        html.append("</section>\n");
    }
}

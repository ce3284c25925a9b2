package io.flowbill.export;

import static io.flowbill.export.ReportNumbers.count;
import static io.flowbill.export.ReportNumbers.grouped;
import static io.flowbill.export.ReportNumbers.text;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The day report's sections that read the database beyond the day's CSV files: the month to date and its
 * reconciliation with the invoice, the top containers, the change from the day before, the containers not billed.
 */
final class ReportSections {

    /** Containers named per reason in the not-billed table; the rest are counted. */
    static final int NAMED = 10;

    private ReportSections() {
    }

    /**
     * The month's parts as the invoice bills them, each read from the database, ending in the reconciliation line
     * {@code daily + rating once + month-level + adjustments + tax (+ changes since the invoice) = total}.
     */
    static void monthToDate(StringBuilder html, ReportFigures day) {
        MonthToDate month = day.monthToDate();
        String currency = text(day.currency());
        html.append("<section id=\"month-to-date\">\n<h2>Month to date</h2>\n<p>")
                .append(month.first()).append(" to ").append(month.through()).append(": ")
                .append(month.ratedDays()).append(month.ratedDays() == 1 ? " day" : " days")
                .append(" rated. The daily charge lines are the days' estimates: the invoice rates each of its lines")
                .append(" once for the month, and the difference is shown, never charged.")
                .append("</p>\n<table>\n<tr><th>part of the invoice</th><th class=\"n\">amount (").append(currency)
                .append(")</th></tr>\n");
        row(html, "mtd-daily", "daily charge lines (estimates), " + month.first() + " to " + month.through(),
                month.dailyThrough());
        if (month.dailyLater().signum() != 0) {
            row(html, "mtd-daily-later", "daily charge lines of the days after " + month.through()
                    + " (rated since this day)", month.dailyLater());
        }
        row(html, "mtd-rating-once", "rating each invoice line once instead of each day (the days' roundings,"
                + " not charged)", month.ratingDifference());
        month.monthLevel().forEach((item, amount) -> row(html, "mtd-" + item, "month-level: " + item
                + " (accrued so far)", amount));
        if (month.hasInvoice()) {
            if (month.invoice().adjustments().signum() != 0) {
                row(html, "mtd-adjustments", "adjustments of closed months", month.invoice().adjustments());
            }
            row(html, "mtd-tax", "tax", month.invoice().tax());
            if (month.sinceInvoice().signum() != 0) {
                row(html, "mtd-since-invoice", "FINAL".equals(month.invoice().status())
                        ? "changed after the invoice was closed (billed by a later invoice or credit note)"
                        : "changed since the draft was refreshed", month.sinceInvoice());
            }
        }
        html.append("<tr><th>").append(month.hasInvoice() ? text(month.invoice().status()) + " invoice total"
                : "month to date (no invoice yet)").append("</th><th class=\"n\" id=\"mtd-total\">")
                .append(grouped(month.total())).append("</th></tr>\n</table>\n");
        html.append("<p id=\"reconciliation\"><strong>Reconciliation:</strong> daily charges <span id=\"rec-daily\">")
                .append(grouped(month.daily())).append("</span> + rating once <span id=\"rec-rating-once\">")
                .append(grouped(month.ratingDifference())).append("</span> + month-level <span id=\"rec-month-level\">")
                .append(grouped(month.monthLevelTotal())).append("</span>");
        if (month.hasInvoice()) {
            html.append(" + adjustments <span id=\"rec-adjustments\">").append(grouped(month.invoice().adjustments()))
                    .append("</span> + tax <span id=\"rec-tax\">").append(grouped(month.invoice().tax()))
                    .append("</span>");
            if (month.sinceInvoice().signum() != 0) {
                html.append(" + not in the month's usage now <span id=\"rec-since-invoice\">")
                        .append(grouped(month.sinceInvoice())).append("</span>");
            }
        }
        html.append(" = ").append(month.hasInvoice() ? text(month.invoice().status().toLowerCase(Locale.ROOT))
                + " invoice total" : "month to date").append(" <span id=\"rec-total\">")
                .append(grouped(month.total())).append("</span> ").append(currency).append(".</p>\n</section>\n");
    }

    /** The day's containers with the largest amounts, names as of the day's end. */
    static void top(StringBuilder html, ReportFigures day) {
        html.append("<section id=\"top-containers\">\n<h2>Top ").append(DayReportQuery.TOP)
                .append(" containers by amount</h2>\n");
        if (day.top().isEmpty()) {
            html.append("<p>No container was billed this day.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<tr><th class=\"n\">#</th><th>container</th><th>name at the day's end</th>")
                .append("<th class=\"n\">lines</th><th class=\"n\">amount (").append(text(day.currency()))
                .append(")</th></tr>\n");
        int rank = 0;
        for (TopContainer container : day.top()) {
            rank++;
            html.append("<tr><td class=\"n\">").append(rank).append("</td><td>").append(container.containerId())
                    .append("</td><td>").append(text(container.name())).append("</td><td class=\"n\">")
                    .append(container.lines()).append("</td><td class=\"n\">").append(grouped(container.amount()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    /** Per item: the day before, this day and the change; an item missing on one side counts 0 there. */
    static void dayBefore(StringBuilder html, ReportFigures day) {
        html.append("<section id=\"change\">\n<h2>Change from the day before</h2>\n");
        SortedMap<String, BigDecimal> before = day.dayBefore();
        if (before == null) {
            html.append("<p>").append(day.date().minusDays(1)).append(" was never rated: nothing to compare with.</p>\n")
                    .append("</section>\n");
            return;
        }
        SortedSet<String> items = new TreeSet<>(before.keySet());
        items.addAll(day.charges().byItem().keySet());
        html.append("<table>\n<tr><th>item</th><th class=\"n\">").append(day.date().minusDays(1))
                .append("</th><th class=\"n\">").append(day.date()).append("</th><th class=\"n\">change (")
                .append(text(day.currency())).append(")</th></tr>\n");
        BigDecimal sumBefore = BigDecimal.ZERO;
        for (String item : items) {
            BigDecimal then = before.get(item);
            BigDecimal now = day.charges().byItem().get(item);
            // an item on one side only is 0 on the other, printed at its amounts' scale (0.00)
            then = then != null ? then : now.subtract(now);
            now = now != null ? now : then.subtract(then);
            sumBefore = sumBefore.add(then);
            changeRow(html, "<td>" + text(item) + "</td>", then, now);
        }
        changeRow(html, "<th>total</th>", sumBefore, day.charges().amount());
        html.append("</table>\n</section>\n");
    }

    /** How many containers were metered, billed and not billed, and why not, by status of their last hour. */
    static void unbilled(StringBuilder html, ReportFigures day) {
        UnbilledContainers unbilled = day.unbilled();
        html.append("<section id=\"not-billed\">\n<h2>Containers not billed</h2>\n<p>")
                .append("<span id=\"metered\">").append(count(unbilled.metered())).append("</span> containers metered")
                .append(" this day, <span id=\"billed\">").append(count(day.charges().containers()))
                .append("</span> billed, <span id=\"unbilled\">").append(count(unbilled.count()))
                .append("</span> not billed.");
        if (unbilled.count() == 0) {
            html.append("</p>\n</section>\n");
            return;
        }
        html.append(" A container is not billed when none of its hours is billable: the status of its last hour")
                .append(" is one the status policy does not bill (not created yet, failed, deleted, or unknown to")
                .append(" flowbill, which is also an exception below), or rating could not price its day (")
                .append(UnbilledContainers.UNRATEABLE).append(").</p>\n")
                .append("<table>\n<tr><th>why (status of the last hour)</th><th class=\"n\">containers</th>")
                .append("<th>which</th></tr>\n");
        unbilled.byReason().forEach((reason, containers) -> html.append("<tr><td>").append(text(reason))
                .append("</td><td class=\"n\">").append(count(containers.size())).append("</td><td>")
                .append(named(containers)).append("</td></tr>\n"));
        html.append("</table>\n</section>\n");
    }

    private static String named(List<UnbilledContainers.Container> containers) {
        String listed = containers.stream().limit(NAMED).map(container -> container.containerId()
                + (container.name() == null ? "" : " (" + text(container.name()) + ")")).collect(Collectors.joining(", "));
        return containers.size() > NAMED ? listed + " and " + (containers.size() - NAMED) + " more" : listed;
    }

    private static void row(StringBuilder html, String id, String label, BigDecimal amount) {
        html.append("<tr><td>").append(text(label)).append("</td><td class=\"n\" id=\"").append(text(id)).append("\">")
                .append(grouped(amount)).append("</td></tr>\n");
    }

    private static void changeRow(StringBuilder html, String head, BigDecimal then, BigDecimal now) {
        html.append("<tr>").append(head).append("<td class=\"n\">").append(grouped(then)).append("</td><td class=\"n\">")
                .append(grouped(now)).append("</td><td class=\"n\">").append(ReportNumbers.change(now.subtract(then)))
                .append("</td></tr>\n");
    }
}

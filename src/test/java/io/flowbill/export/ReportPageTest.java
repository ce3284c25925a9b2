package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The day report's HTML: the totals, the sections, nothing loaded from elsewhere, untrusted text escaped. */
class ReportPageTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Test
    void showsTheTotalsAmountsByItemAndChargeTypeTrafficAndExceptions() {
        String html = ReportPage.render(figures());

        assertThat(html).contains("<dd id=\"total-amount\">9.72 CNY</dd>", "<dd id=\"charge-lines\">3</dd>",
                "<dd id=\"containers\">2</dd>", "<dd id=\"traffic-out\">12.50 GB</dd>",
                "<dd id=\"traffic-in\">0.25 GB</dd>", "<dd id=\"exceptions-total\">1</dd>");
        assertThat(html).contains("<td>compute</td><td class=\"n\">2.40</td>", "<td>traffic_out</td><td class=\"n\">6.60</td>",
                "<td>on_demand</td><td class=\"n\">1</td><td class=\"n\">9.00</td>",
                "<td>package</td><td class=\"n\">1</td><td class=\"n\">0.72</td>");
        assertThat(html).contains("<svg", "Traffic by hour", "price versions v1, v2", "rating run 4");
    }

    @Test
    void reconcilesTheMonthToDateWithTheInvoiceTotalNamingTheDifferenceOfRatingOnce() {
        String html = ReportPage.render(figures());

        // 1,200.28 daily - 0.33 rated once + 2,411.50 package overage + 0 tax = 3,611.45 on the draft invoice
        assertThat(html).contains("<td class=\"n\" id=\"mtd-daily\">1,200.28</td>",
                "<td class=\"n\" id=\"mtd-rating-once\">-0.33</td>",
                "<td class=\"n\" id=\"mtd-package_overage\">2,411.50</td>", "<td class=\"n\" id=\"mtd-tax\">0.00</td>",
                "<th class=\"n\" id=\"mtd-total\">3,611.45</th>",
                "daily charges <span id=\"rec-daily\">1,200.28</span> + rating once <span id=\"rec-rating-once\">-0.33"
                        + "</span> + month-level <span id=\"rec-month-level\">2,411.50</span> + adjustments"
                        + " <span id=\"rec-adjustments\">0.00</span> + tax <span id=\"rec-tax\">0.00</span> = draft"
                        + " invoice total <span id=\"rec-total\">3,611.45</span> CNY",
                "<dd id=\"month-to-date\">3,611.45 CNY</dd>")
                .doesNotContain("id=\"mtd-adjustments\"", "id=\"mtd-since-invoice\"");
    }

    @Test
    void showsTheInvoicesAdjustmentsAndTaxAsStoredNotAsARemainder() {
        ReportFigures day = figures();
        // adjustments 1.20 and tax 216.69 on the invoice: 3,611.45 + 1.20 + 216.69 = 3,829.34
        MonthToDate taxed = new MonthToDate(DAY.withDayOfMonth(1), DAY, 25, new BigDecimal("1200.28"),
                BigDecimal.ZERO, new BigDecimal("1199.95"), day.monthToDate().monthLevel(), new MonthToDate.Invoice(
                        "DRAFT", new BigDecimal("3611.45"), new BigDecimal("1.20"), new BigDecimal("216.69"),
                        new BigDecimal("3829.34")));

        String html = ReportPage.render(with(day, taxed));

        assertThat(html).contains("<td class=\"n\" id=\"mtd-adjustments\">1.20</td>",
                "<td class=\"n\" id=\"mtd-tax\">216.69</td>", "<span id=\"rec-adjustments\">1.20</span> + tax"
                        + " <span id=\"rec-tax\">216.69</span> = draft invoice total <span id=\"rec-total\">3,829.34</span>")
                .doesNotContain("id=\"mtd-since-invoice\"");
    }

    @Test
    void namesALateChangeToAClosedMonthInsteadOfHidingItInTheTotal() {
        ReportFigures day = figures();
        // a container found late adds 0.80 to the month after its FINAL invoice (3,611.45) was closed
        MonthToDate late = new MonthToDate(DAY.withDayOfMonth(1), DAY, 25, new BigDecimal("1201.08"),
                BigDecimal.ZERO, new BigDecimal("1200.75"), day.monthToDate().monthLevel(), new MonthToDate.Invoice(
                        "FINAL", new BigDecimal("3611.45"), BigDecimal.ZERO, BigDecimal.ZERO,
                        new BigDecimal("3611.45")));

        String html = ReportPage.render(with(day, late));

        // 1,201.08 - 0.33 + 2,411.50 + 0 + 0 - 0.80 = 3,611.45
        assertThat(html).contains("changed after the invoice was closed (billed by a later invoice or credit note)",
                "<td class=\"n\" id=\"mtd-since-invoice\">-0.80</td>",
                "<span id=\"rec-since-invoice\">-0.80</span> = final invoice total <span id=\"rec-total\">3,611.45");
    }

    @Test
    void listsTheTopContainersWithTheirNamesAndTheChangeFromTheDayBeforePerItem() {
        String html = ReportPage.render(figures());

        assertThat(html).contains("<tr><td class=\"n\">1</td><td>101</td><td>web-1</td><td class=\"n\">2</td>"
                + "<td class=\"n\">9.00</td></tr>", "<tr><td class=\"n\">2</td><td>103</td><td>db-package</td>");
        // bandwidth only the day before, package only this day
        assertThat(html).contains(
                "<tr><td>bandwidth</td><td class=\"n\">1.00</td><td class=\"n\">0.00</td><td class=\"n\">-1.00</td></tr>",
                "<tr><td>package</td><td class=\"n\">0.00</td><td class=\"n\">0.72</td><td class=\"n\">+0.72</td></tr>",
                "<tr><td>traffic_out</td><td class=\"n\">5.10</td><td class=\"n\">6.60</td><td class=\"n\">+1.50</td></tr>",
                "<tr><th>total</th><td class=\"n\">8.50</td><td class=\"n\">9.72</td><td class=\"n\">+1.22</td></tr>");
    }

    @Test
    void saysWhyContainersWereNotBilledByStatus() {
        String html = ReportPage.render(figures());

        assertThat(html).contains("<span id=\"metered\">4</span> containers metered this day, "
                + "<span id=\"billed\">2</span> billed, <span id=\"unbilled\">2</span> not billed.",
                "<tr><td>suspended</td><td class=\"n\">1</td><td>104 (odd-status)</td></tr>",
                "<tr><td>unrateable_day</td><td class=\"n\">1</td><td>106</td></tr>",
                "<dd id=\"containers-not-billed\">2</dd>");
    }

    @Test
    void drawsTheTrafficOnAYAxisInGbWithThousandsSeparators() {
        ReportFigures day = figures();
        Instant start = Instant.parse("2026-11-24T16:00:00Z");
        Traffic heavy = new Traffic(List.of(new Traffic.Hour(start, "00:00", new BigDecimal("3166.646484375"),
                new BigDecimal("12.000000001"))), new BigDecimal("3166.646484375"), new BigDecimal("12.000000001"), 0,
                new BigDecimal("1024"));

        String html = ReportPage.render(new ReportFigures(day.tenant(), day.date(), day.zone(), day.currency(),
                day.charges(), day.exceptions(), heavy, day.priceVersions(), day.runId(), day.chargesFile(),
                day.exceptionsFile(), day.monthToDate(), day.top(), day.dayBefore(), day.unbilled()));

        // max 3,166.65 GB: ticks of 1,000 up to 4,000
        assertThat(html).contains(">0.00</text>", ">1,000.00</text>", ">4,000.00</text>", ">GB</text>",
                "<title>00:00 out 3,166.65 GB</title>", "<dd id=\"traffic-out\">3,166.65 GB</dd>",
                "<dd id=\"traffic-in\">12.00 GB</dd>").doesNotContain(">5,000.00</text>").doesNotContain("3166.646484375");
    }

    @Test
    void loadsNothingFromElsewhere() {
        String html = ReportPage.render(figures());

        assertThat(html).doesNotContainPattern("(?i)<[^>]*\\b(src|href)\\s*=")
                .doesNotContainPattern("(?i)url\\s*\\(")
                .doesNotContainPattern("(?i)<(script|link|img|iframe|object|embed)\\b")
                .doesNotContainPattern("(?i)https?:")
                .contains("Content-Security-Policy\" content=\"default-src 'none'");
    }

    @Test
    void escapesTextThatCameFromTheApi() {
        String html = ReportPage.render(figures());

        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
    }

    @Test
    void rendersTheSameBytesForTheSameFigures() {
        assertThat(ReportPage.render(figures())).isEqualTo(ReportPage.render(figures()));
    }

    private static ReportFigures with(ReportFigures day, MonthToDate month) {
        return new ReportFigures(day.tenant(), day.date(), day.zone(), day.currency(), day.charges(), day.exceptions(),
                day.traffic(), day.priceVersions(), day.runId(), day.chargesFile(), day.exceptionsFile(), month,
                day.top(), day.dayBefore(), day.unbilled());
    }

    static ReportFigures figures() {
        ChargeTally charges = new ChargeTally();
        charges.add(101, "compute", "on_demand", new BigDecimal("2.40"), "v1");
        charges.add(101, "traffic_out", "on_demand", new BigDecimal("6.60"), "v2");
        charges.add(103, "package", "package", new BigDecimal("0.72"), "v1");
        ExceptionTally exceptions = new ExceptionTally();
        exceptions.add(new ExceptionTally.Listed(102, "2026-11-24T21:00:00Z", "malformed_flow",
                "<img src=x onerror=alert(1)>", "flow value is not a quantity: traffic not counted"));
        Instant start = Instant.parse("2026-11-24T16:00:00Z");
        List<Traffic.Hour> hours = List.of(
                new Traffic.Hour(start, "00:00", new BigDecimal("12.000000000"), new BigDecimal("0.250000000")),
                new Traffic.Hour(start.plusSeconds(3600), "01:00", new BigDecimal("0.500000000"), BigDecimal.ZERO));
        Traffic traffic = new Traffic(hours, new BigDecimal("12.500000000"), new BigDecimal("0.250000000"), 1,
                new BigDecimal("1024"));
        MonthToDate month = new MonthToDate(DAY.withDayOfMonth(1), DAY, 25, new BigDecimal("1200.28"),
                BigDecimal.ZERO, new BigDecimal("1199.95"), new TreeMap<>(Map.of("package_overage",
                        new BigDecimal("2411.50"))), new MonthToDate.Invoice("DRAFT", new BigDecimal("3611.45"),
                        new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("3611.45")));
        List<TopContainer> top = List.of(new TopContainer(101, "web-1", 2, new BigDecimal("9.00")),
                new TopContainer(103, "db-package", 1, new BigDecimal("0.72")));
        SortedMap<String, BigDecimal> dayBefore = new TreeMap<>(Map.of("compute", new BigDecimal("2.40"),
                "traffic_out", new BigDecimal("5.10"), "bandwidth", new BigDecimal("1.00")));
        UnbilledContainers unbilled = new UnbilledContainers(4, new TreeMap<>(Map.of("suspended",
                List.of(new UnbilledContainers.Container(104, "odd-status")), "unrateable_day",
                List.of(new UnbilledContainers.Container(106, null)))));
        return new ReportFigures("acme", DAY, ZoneId.of("Asia/Shanghai"), "CNY", charges, exceptions, traffic,
                List.of("v1", "v2"), 4L, "charges-2026-11-25.csv", "exceptions-2026-11-25.csv", month, top, dayBefore,
                unbilled);
    }
}

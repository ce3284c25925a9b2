package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.flowbill.pricing.PriceBookLoader;

/**
 * What the invoice documents print for a month under a price plan, from the lines the CSV prints: unit labels,
 * quantities of at most 6 decimals, a description on every discount and commitment line, issue and due date and the
 * account to pay into; the HTML and the PDF (read back through PDFBox) alike.
 * <p>
 * The month: 1627 h x 0.060 = 97.62 compute, 2400 Mbps·h x 0.03 = 72.00 bandwidth, 883.812298384 GB x 0.79 = 698.21
 * traffic; plan demo-2020: 10 % off compute (97.62 x -0.10 = -9.76), 5 % off the bill (858.07 x -0.05 = -42.90), a
 * commitment of 100,000.00 against 815.17 charged (shortfall 99,184.83). Subtotal 100,000.00, tax 6 % 6,000.00.
 */
class InvoiceDocumentTest {

    private static final String BOOK = "fengchao-2017-05";
    private static final String PLAN = "demo-2020";

    @Test
    void describesEveryDiscountAndCommitmentLineAndLabelsItsUnits() {
        InvoiceDocument document = planMonth("FINAL");

        assertThat(lines(document)).extracting(InvoiceDocument.Line::description, InvoiceDocument.Line::unit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("container 1 \u00b7 小型 (spec 10) \u00b7 on_demand", "h"),
                        org.assertj.core.groups.Tuple.tuple(
                                "container 1 \u00b7 小型 (spec 10) \u00b7 on_demand \u00b7 tier 1", "Mbps\u00b7h"),
                        org.assertj.core.groups.Tuple.tuple("container 2 \u00b7 小型 (spec 10) \u00b7 on_demand", "GB"),
                        org.assertj.core.groups.Tuple.tuple("10 % discount on compute (plan demo-2020)", "CNY"),
                        org.assertj.core.groups.Tuple.tuple("5 % discount on the bill (plan demo-2020)", "CNY"),
                        org.assertj.core.groups.Tuple.tuple(
                                "commitment shortfall: 100,000.00 committed, 815.17 charged (plan demo-2020)",
                                "month"));
    }

    @Test
    void htmlPrintsUnitLabelsQuantitiesOfAtMostSixDecimalsAndTheTerms() {
        String html = InvoicePage.render(planMonth("FINAL"));

        assertThat(html).contains("<td class=\"n\">883.812298</td><td>GB</td>", "<td class=\"n\">2400</td><td>Mbps\u00b7h</td>",
                "<td class=\"n\">1627</td><td>h</td>", "10 % discount on compute (plan demo-2020)",
                "commitment shortfall: 100,000.00 committed, 815.17 charged (plan demo-2020)",
                "<span id=\"issue-date\">2026-12-03</span>", "<span id=\"due-date\">2027-01-02</span>",
                "payment terms 30 days", "Please pay 106000.00 CNY by 2027-01-02, quoting invoice acme-202611.",
                "<span id=\"bank-account\">5719 0412 3456 789</span>", "counter(page) \" of \" counter(pages)",
                "<section class=\"settlement\">")
                .doesNotContain("883.812298384", "Mbps_hour", ">hour<");
        assertThat(decimalsOf(html.substring(html.indexOf("<body>")))).as("decimals of the numbers of the body")
                .isLessThanOrEqualTo(6);
    }

    @Test
    void pdfPrintsUnitLabelsQuantitiesOfAtMostSixDecimalsAndTheTerms() throws IOException {
        // a long description wraps in its cell: lines joined by spaces
        String text = String.join("\n", InvoicePdfPagesTest.pages(InvoicePdfPagesTest.pdf(planMonth("FINAL"))))
                .replaceAll("\\s+", " ");

        assertThat(text).contains("883.812298 GB", "2400 Mbps\u00b7h", "1627 h 0.060 97.62",
                "10 % discount on compute (plan demo-", "5 % discount on the bill (plan demo-",
                "commitment shortfall: 100,000.00 committed, 815.17 charged (plan demo-",
                "Issue date 2026-12-03 \u00b7 due date 2027-01-02 \u00b7 payment terms 30 days",
                "Please pay 106000.00 CNY by 2027-01-02, quoting invoice acme-202611.",
                "Bank 招商银行杭州分行 China Merchants Bank, Hangzhou", "Account 5719 0412 3456 789", "Page 1 of 2", "Page 2 of 2")
                .doesNotContain("883.812298384", "Mbps_hour");
        assertThat(decimalsOf(text)).as("decimals of the PDF's numbers").isLessThanOrEqualTo(6);
    }

    @Test
    void aDraftIsNotIssuedAndStatesItsTermsInstead() throws IOException {
        InvoiceDocument draft = planMonth("DRAFT");

        assertThat(InvoicePage.render(draft)).contains("<span id=\"issue-date\">on close (draft)</span>",
                "<span id=\"due-date\">30 days after issue</span>",
                "Payable within 30 days of the issue date, quoting invoice acme-202611.");
        assertThat(String.join("\n", InvoicePdfPagesTest.pages(InvoicePdfPagesTest.pdf(draft)))).contains(
                "Issue date on close (draft) \u00b7 due date 30 days after issue",
                "Payable within 30 days of the issue date");
    }

    @Test
    void showsEveryLineWithItsContainerQuantityAndPriceSoEachKeepsItsEquation() {
        // 26 h x 0.039 = 1.014 -> 1.01 for each of two containers: the sum, 2.02, is not 52 h x 0.039 = 2.03
        InvoiceLines lines = new InvoiceLines(PriceBookLoader.load(PriceBookLoader.BUNDLED));
        lines.add(usage(7, "compute", 0, "hour", "0.039", "26.000000000", "1.01"));
        lines.add(usage(8, "compute", 0, "hour", "0.039", "26.000000000", "1.01"));

        List<InvoiceDocument.Line> shown = lines(lines.document(planMonth("FINAL").header(), Invoices.SETTINGS));

        assertThat(shown).extracting(InvoiceDocument.Line::description, line -> line.quantity().toPlainString(),
                line -> line.unitPrice().toPlainString(), line -> line.amount().toPlainString()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("container 7 \u00b7 小型 (spec 10) \u00b7 on_demand",
                                "26.000000000", "0.039", "1.01"),
                        org.assertj.core.groups.Tuple.tuple("container 8 \u00b7 小型 (spec 10) \u00b7 on_demand",
                                "26.000000000", "0.039", "1.01"));
    }

    @Test
    void aLargerInvoiceShowsEachKindsSumWithoutAQuantityOrPriceItDoesNotEqual() {
        InvoiceLines lines = new InvoiceLines(PriceBookLoader.load(PriceBookLoader.BUNDLED));
        for (long container = 1; container <= InvoiceLines.DETAIL_LINES + 1; container++) {
            lines.add(usage(container, "compute", 0, "hour", "0.039", "26.000000000", "1.01"));
        }

        List<InvoiceDocument.Line> shown = lines(lines.document(planMonth("FINAL").header(), Invoices.SETTINGS));

        assertThat(shown).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("小型 (spec 10) \u00b7 on_demand");
            assertThat(line.containers()).isEqualTo(InvoiceLines.DETAIL_LINES + 1);
            assertThat(line.quantity()).as("no quantity: 1001 x 1.01 is not 26,026 h x 0.039 rounded").isNull();
            assertThat(line.unitPrice()).isNull();
            assertThat(line.amount()).isEqualByComparingTo("1011.01");
        });
        assertThat(InvoicePage.render(lines.document(planMonth("FINAL").header(), Invoices.SETTINGS)))
                .contains("<td class=\"n\">1001</td><td class=\"n\"></td><td>h</td><td class=\"n\"></td>"
                        + "<td class=\"n\">1011.01</td>");
    }

    /** The most decimals any number in {@code text} has (a dotted version such as 2026.11 counts too). */
    private static int decimalsOf(String text) {
        return java.util.regex.Pattern.compile("\\d\\.(\\d+)").matcher(text).results()
                .mapToInt(match -> match.group(1).length()).max().orElse(0);
    }

    private static List<InvoiceDocument.Line> lines(InvoiceDocument document) {
        return document.sections().stream().flatMap(section -> section.items().stream())
                .flatMap(group -> group.lines().stream()).toList();
    }

    /** The month as the CSV prints it, summed into a document as the export does. */
    static InvoiceDocument planMonth(String status) {
        InvoiceLines lines = new InvoiceLines(PriceBookLoader.load(PriceBookLoader.BUNDLED));
        lines.add(usage(1, "compute", 0, "hour", "0.060", "1627.000000000", "97.62"));
        lines.add(usage(1, "bandwidth", 1, "Mbps_hour", "0.03", "2400.000000000", "72.00"));
        lines.add(usage(2, "traffic_out", 0, "GB", "0.79", "883.812298384", "698.21"));
        lines.add(plan("discount", "compute", "97.62", "-0.10", "-9.76"));
        lines.add(plan("discount", "bill", "858.07", "-0.05", "-42.90"));
        lines.add(plan("commitment_shortfall", "month", "1", "99184.83", "99184.83"));
        InvoiceHeader header = new InvoiceHeader("acme-202611", "acme", YearMonth.of(2026, 11), status, "CNY",
                new BigDecimal("100000.00"), new BigDecimal("0.06"), BOOK, new BigDecimal("6000.00"),
                new BigDecimal("106000.00"), 6, "FINAL".equals(status) ? Invoices.CLOSED : null);
        return lines.document(header, Invoices.SETTINGS);
    }

    private static InvoiceLines.Printed usage(long container, String item, int tier, String unit, String price,
            String quantity, String amount) {
        return new InvoiceLines.Printed(container, item, "on_demand", 10, tier, BOOK, unit, new BigDecimal(price),
                new BigDecimal(quantity), new BigDecimal(amount), null);
    }

    private static InvoiceLines.Printed plan(String item, String unit, String quantity, String price,
            String amount) {
        return new InvoiceLines.Printed(0, item, null, null, 0, PLAN, unit, new BigDecimal(price),
                new BigDecimal(quantity), new BigDecimal(amount), null);
    }
}

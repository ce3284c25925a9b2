package io.flowbill.export;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.FixtureFleetTest;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.RatingService;
import io.flowbill.system.ExternalTool;

/** {@code report-<date>.html} of the fixture day shows the totals of the day's charges file, also in a browser. */
@FixtureFleetTest
class DailyReportIT {

    static final LocalDate BEFORE = DAY.minusDays(1);

    static Path exportDir;
    static Path acme;

    static JdbcTemplate db;

    @BeforeAll
    static void fixtureDayBilledAfterADayBefore(@Autowired JdbcTemplate jdbc, @Autowired RatingService rating,
            @Autowired InvoiceService invoices, @Autowired ExportService exports, @Autowired ExportProperties export)
            throws Exception {
        db = jdbc;
        exportDir = export.dir();
        acme = exportDir.resolve("acme/2026-11");
        FixtureFleet fleet = new FixtureFleet(jdbc).clear().insertDay();
        // the day before: web-1 all day, the package container from 08:00
        fleet.container(101, "web-1").onDemand(20).bandwidth(8).hours(BEFORE, 0, 24).insert();
        fleet.container(103, "db-package").packaged(10).traffic("512").hours(BEFORE, 8, 24).insert();
        rating.rate(FixtureFleet.TENANT, BEFORE);
        rating.rate(FixtureFleet.TENANT, DAY);
        List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY));
        exports.writeDay(FixtureFleet.TENANT, DAY);
    }

    @Test
    void showsTheTotalAndTheAmountsByItemOfTheChargesFile() throws IOException {
        CsvTotals csv = CsvTotals.of(acme.resolve("charges-2026-11-25.csv"));

        String html = Files.readString(acme.resolve("report-2026-11-25.html"), StandardCharsets.UTF_8);

        assertShows(html, csv);
        assertThat(csv.total()).as("the fixture day's total, by hand").isEqualByComparingTo("40.48");
        assertThat(card(html, "traffic-out")).as("800 MB x 23 h + 512 MB x 24 h = 29.96875 GB").isEqualTo("29.97 GB");
        assertThat(card(html, "exceptions-total")).isEqualTo("2");
    }

    @Test
    void reconcilesTheMonthToDateWithTheDraftInvoiceInTheDatabase() throws IOException {
        String html = report();
        BigDecimal daily = db.queryForObject("select sum(amount) from charge_line where tenant_id = 'acme'"
                + " and charge_date between '2026-11-01' and '2026-11-25'", BigDecimal.class);
        BigDecimal overage = db.queryForObject("select sum(amount) from month_charge_line where tenant_id = 'acme'"
                + " and billing_month = '2026-11-01' and item = 'package_overage'", BigDecimal.class);
        BigDecimal total = db.queryForObject("select total from invoice where tenant_id = 'acme'"
                + " and billing_month = '2026-11-01' and status = 'DRAFT'", BigDecimal.class);

        assertThat(overage).as("103's package overage: 12 GB + 8 GB out against 40 h of allowance").isPositive();
        assertThat(span(html, "rec-daily")).as("daily lines of the month").isEqualTo(daily.toPlainString());
        assertThat(span(html, "rec-total")).as("draft invoice total").isEqualTo(total.toPlainString());
        BigDecimal tax = db.queryForObject("select tax from invoice where tenant_id = 'acme'"
                + " and billing_month = '2026-11-01'", BigDecimal.class);
        BigDecimal invoiceLines = db.queryForObject("select sum(l.amount) from invoice_line l join invoice i"
                + " on i.id = l.invoice_id where i.tenant_id = 'acme' and i.billing_month = '2026-11-01'",
                BigDecimal.class);
        assertThat(span(html, "rec-tax")).as("the invoice's tax as stored").isEqualTo(tax.toPlainString());
        assertThat(new BigDecimal(span(html, "rec-daily")).add(new BigDecimal(span(html, "rec-rating-once"))))
                .as("daily + rating once = the invoice's lines less the month-level ones")
                .isEqualByComparingTo(invoiceLines.subtract(overage));
        assertThat(new BigDecimal(span(html, "rec-daily")).add(new BigDecimal(span(html, "rec-rating-once")))
                .add(new BigDecimal(span(html, "rec-month-level"))).add(new BigDecimal(span(html, "rec-adjustments")))
                .add(new BigDecimal(span(html, "rec-tax"))))
                .as("daily + rating once + month-level + adjustments + tax = total").isEqualByComparingTo(total);
        assertThat(html).contains("<td class=\"n\" id=\"mtd-package_overage\">" + overage.toPlainString() + "</td>")
                .contains("2026-11-01 to 2026-11-25: 2 days rated");
        assertThat(card(html, "month-to-date")).isEqualTo(total.toPlainString() + " CNY");
    }

    @Test
    void listsTheTopContainersByAmountWithTheNamesOfTheChargesFile() throws IOException {
        String html = report();
        Map<Long, String> names = new TreeMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(acme.resolve("charges-2026-11-25.csv"));
                CSVParser parser = format.parse(reader)) {
            parser.forEach(row -> names.put(Long.parseLong(row.get("container_id")), row.get("container_name")));
        }
        List<Map<String, Object>> top = db.queryForList("select container_id, count(*) as lines, sum(amount) as amount"
                + " from charge_line where tenant_id = 'acme' and charge_date = '2026-11-25' group by container_id"
                + " order by sum(amount) desc, container_id limit 10");

        assertThat(top).as("containers billed on the fixture day").hasSize(4);
        int rank = 0;
        for (Map<String, Object> container : top) {
            long id = ((Number) container.get("container_id")).longValue();
            rank++;
            assertThat(html).as("row %d of the top containers", rank).contains("<tr><td class=\"n\">" + rank
                    + "</td><td>" + id + "</td><td>" + escaped(names.get(id).replaceFirst("^'", "")) + "</td><td class=\"n\">"
                    + container.get("lines") + "</td><td class=\"n\">"
                    + ((BigDecimal) container.get("amount")).toPlainString() + "</td></tr>");
        }
    }

    @Test
    void showsTheChangeFromTheDayBeforePerItemAsTheDatabaseHasIt() throws IOException {
        String html = report();
        Map<String, BigDecimal> before = amountsByItem(BEFORE);
        Map<String, BigDecimal> day = amountsByItem(DAY);

        assertThat(before).as("items of %s", BEFORE).containsKeys("compute", "bandwidth", "package");
        for (String item : day.keySet()) {
            BigDecimal now = day.get(item);
            BigDecimal then = before.getOrDefault(item, now.subtract(now));
            BigDecimal change = now.subtract(then);
            assertThat(html).as("change of item '%s'", item).contains("<tr><td>" + item + "</td><td class=\"n\">"
                    + then.toPlainString() + "</td><td class=\"n\">" + now.toPlainString() + "</td><td class=\"n\">"
                    + (change.signum() > 0 ? "+" : "") + change.toPlainString() + "</td></tr>");
        }
    }

    @Test
    void saysWhichContainersWereNotBilledAndWhy() throws IOException {
        String html = report();
        Long metered = db.queryForObject("select count(distinct container_id) from usage_hour"
                + " where window_start >= '2026-11-24T16:00:00Z' and window_start < '2026-11-25T16:00:00Z'", Long.class);

        assertThat(html).contains("<span id=\"metered\">" + metered + "</span> containers metered this day, "
                + "<span id=\"billed\">4</span> billed, <span id=\"unbilled\">1</span> not billed.")
                .contains("<tr><td>suspended</td><td class=\"n\">1</td><td>104 (odd-status)</td></tr>");
        assertThat(metered).isEqualTo(5);
    }

    @Test
    void headlessChromiumRendersThePageWithTheTotalsOfTheChargesFile() throws Exception {
        Optional<Path> chromium = Chromium.find();
        ExternalTool.require(chromium.isPresent(), Chromium.MISSING);
        CsvTotals csv = CsvTotals.of(acme.resolve("charges-2026-11-25.csv"));

        String dom = Chromium.dumpDom(chromium.get(), acme.resolve("report-2026-11-25.html"));

        assertThat(dom).as("DOM as Chromium rendered it").contains("<svg").contains("Traffic by hour");
        assertShows(dom, csv);
        Path png = Path.of("target", "report-2026-11-25.png");
        Chromium.screenshot(chromium.get(), acme.resolve("report-2026-11-25.html"), png);
        assertThat(Files.size(png)).as("screenshot %s", png.toAbsolutePath()).isGreaterThan(10_000);
    }

    @Test
    void writesTheSameBytesAgain(@Autowired ExportService exports) throws IOException {
        byte[] first = Files.readAllBytes(acme.resolve("report-2026-11-25.html"));

        exports.writeDay(FixtureFleet.TENANT, DAY);

        assertThat(Files.readAllBytes(acme.resolve("report-2026-11-25.html"))).isEqualTo(first);
    }

    private static String report() throws IOException {
        return Files.readString(acme.resolve("report-2026-11-25.html"), StandardCharsets.UTF_8);
    }

    private static Map<String, BigDecimal> amountsByItem(LocalDate date) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        db.query("select item, sum(amount) from charge_line where tenant_id = 'acme' and charge_date = ?"
                + " group by item", rs -> {
                    amounts.put(rs.getString(1), rs.getBigDecimal(2));
                }, java.sql.Date.valueOf(date));
        return amounts;
    }

    private static String escaped(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String span(String page, String id) {
        Matcher span = Pattern.compile("<span id=\"" + id + "\">([^<]*)</span>").matcher(page);
        assertThat(span.find()).as("span '%s' in the page", id).isTrue();
        return span.group(1).replace(",", "");
    }

    private static void assertShows(String page, CsvTotals csv) {
        assertThat(card(page, "total-amount")).as("total amount").isEqualTo(csv.total().toPlainString() + " CNY");
        assertThat(card(page, "charge-lines")).as("charge lines").isEqualTo(Long.toString(csv.rows()));
        csv.byItem().forEach((item, amount) -> assertThat(page).as("amount of item '%s'", item)
                .contains("<td>" + item + "</td><td class=\"n\">" + amount.toPlainString() + "</td>"));
    }

    private static String card(String page, String id) {
        Matcher card = Pattern.compile("<dd id=\"" + id + "\">([^<]*)</dd>").matcher(page);
        assertThat(card.find()).as("card '%s' in the page", id).isTrue();
        return card.group(1);
    }

    /** The charges file's rows, amount total and amounts by item, read back as a spreadsheet would. */
    record CsvTotals(long rows, BigDecimal total, Map<String, BigDecimal> byItem) {

        static CsvTotals of(Path file) throws IOException {
            long rows = 0;
            BigDecimal total = BigDecimal.ZERO;
            Map<String, BigDecimal> byItem = new TreeMap<>();
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser parser = format.parse(reader)) {
                for (CSVRecord record : parser) {
                    BigDecimal amount = new BigDecimal(record.get("amount"));
                    rows++;
                    total = total.add(amount);
                    byItem.merge(record.get("item"), amount, BigDecimal::add);
                }
            }
            return new CsvTotals(rows, total, byItem);
        }
    }
}

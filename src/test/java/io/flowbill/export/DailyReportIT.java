package io.flowbill.export;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.RatingService;
import io.flowbill.system.EmptyApi;
import io.flowbill.system.TestDatabase;

/** {@code report-<date>.html} of the fixture day shows the totals of the day's charges file, also in a browser. */
@SpringBootTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK })
class DailyReportIT {

    static Path exportDir;
    static Path acme;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.fresh().register(registry);
        EmptyApi.register(registry);
        exportDir = Files.createTempDirectory("flowbill-report-it");
        registry.add("flowbill.export.dir", exportDir::toString);
        acme = exportDir.resolve("acme/2026-11");
    }

    @BeforeAll
    static void fixtureDayBilled(@Autowired JdbcTemplate jdbc, @Autowired RatingService rating,
            @Autowired ExportService exports) throws Exception {
        new FixtureFleet(jdbc).clear().insertDay();
        rating.rate(DAY);
        exports.writeDay(DAY);
    }

    @Test
    void showsTheTotalAndTheAmountsByItemOfTheChargesFile() throws IOException {
        CsvTotals csv = CsvTotals.of(acme.resolve("charges-2026-11-25.csv"));

        String html = Files.readString(acme.resolve("report-2026-11-25.html"), StandardCharsets.UTF_8);

        assertShows(html, csv);
        assertThat(csv.total()).as("the fixture day's total, by hand").isEqualByComparingTo("40.48");
        assertThat(card(html, "traffic-out")).as("800 MB x 23 h + 512 MB x 24 h").isEqualTo("29.96875 GB");
        assertThat(card(html, "exceptions-total")).isEqualTo("2");
    }

    @Test
    void headlessChromiumRendersThePageWithTheTotalsOfTheChargesFile() throws Exception {
        Optional<Path> chromium = Chromium.find();
        assumeTrue(chromium.isPresent(), Chromium.MISSING);
        CsvTotals csv = CsvTotals.of(acme.resolve("charges-2026-11-25.csv"));

        String dom = Chromium.dumpDom(chromium.get(), acme.resolve("report-2026-11-25.html"));

        assertThat(dom).as("DOM as Chromium rendered it").contains("<svg").contains("Traffic by hour");
        assertShows(dom, csv);
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

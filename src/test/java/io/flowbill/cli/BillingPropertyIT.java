package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Currency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.FlowbillApplication;
import io.flowbill.metering.StatusPolicy;
import io.flowbill.pricing.ChargeType;
import io.flowbill.pricing.DailyRating;
import io.flowbill.pricing.NetworkChargeType;
import io.flowbill.pricing.PriceBook;
import io.flowbill.pricing.Rounding;
import io.flowbill.pricing.UsageHour;
import io.flowbill.system.TestDatabase;

/**
 * Properties of {@code nightly} over generated sandbox fleets (30 containers, one day, several seeds): every line
 * keeps its amount equation, every invoice totals its daily and month-level lines, and the exported files add up
 * to the database.
 */
class BillingPropertyIT {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 3, 7, 42 })
    void billsAGeneratedFleetConsistently(long seed, @TempDir Path exportDir) throws Exception {
        TestDatabase.Database db = TestDatabase.fresh();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FlowbillApplication.class).run(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--flowbill.demo=true", "--flowbill.sandbox.containers=30",
                "--flowbill.sandbox.seed=" + seed, "--flowbill.export.dir=" + exportDir)) {
            int exit = context.getBean(NightlyCommand.class).run(null, null, new java.io.PrintWriter(System.out, true));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            LocalDate day = jdbc.queryForObject("select max(charge_date) from rated_day", LocalDate.class);

            assertThat(exit).as("exit code, seed %s", seed).isZero();
            assertThat(count(jdbc, "select count(*) from charge_line")).as("charge lines, seed %s", seed).isPositive();
            everyLineKeepsItsAmountEquation(jdbc, seed);
            theStoredLinesAreTheRatingOfEachStoredHour(jdbc, context.getBean(PriceBook.class), day, seed);
            everyInvoiceTotalsItsDailyAndMonthLevelLines(jdbc, seed);
            theExportedChargesAddUpToTheDatabase(jdbc, exportDir, day, seed);
            theExportedInvoiceAddsUpToItsTotal(jdbc, exportDir, YearMonth.from(day), seed);
        }
    }

    private static void everyLineKeepsItsAmountEquation(JdbcTemplate jdbc, long seed) {
        for (String table : List.of("charge_line", "month_charge_line")) {
            jdbc.query("select container_id, item, quantity, unit_price, amount from " + table, rs -> {
                BigDecimal expected = Rounding.amount(rs.getBigDecimal(3), rs.getBigDecimal(4), CNY);
                assertThat(rs.getBigDecimal(5)).as("amount of %s: container='%s', item='%s', seed %s", table,
                        rs.getLong(1), rs.getString(2), seed).isEqualTo(expected);
            });
        }
    }

    /** The job rates hours summed into blocks by PostgreSQL; rating each stored hour in Java gives the same lines. */
    private static void theStoredLinesAreTheRatingOfEachStoredHour(JdbcTemplate jdbc, PriceBook book, LocalDate day,
            long seed) {
        Map<Long, List<UsageHour>> hours = new TreeMap<>();
        jdbc.query("""
                select tenant_id, container_id, window_start, active_seconds, status, charge_type, spec_id,
                       use_public_network, network_charge_type, coalesce(bandwidth, 0), up_mb, down_mb
                  from usage_hour where window_start >= ? and window_start < ?
                """, rs -> {
            boolean publicNetwork = rs.getInt(8) == 1;
            int network = rs.getInt(9);
            NetworkChargeType networkType = rs.wasNull() ? null : NetworkChargeType.ofCode(network);
            hours.computeIfAbsent(rs.getLong(2), id -> new ArrayList<>()).add(new UsageHour(rs.getString(1),
                    rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4),
                    StatusPolicy.BUILT_IN.isBillable(rs.getString(5)), ChargeType.ofCode(rs.getInt(6)), rs.getInt(7),
                    publicNetwork, networkType, rs.getInt(10), rs.getBigDecimal(11), rs.getBigDecimal(12)));
        }, Timestamp.from(book.zone().startOf(day)), Timestamp.from(book.zone().startOf(day.plusDays(1))));
        List<String> expected = new ArrayList<>();
        DailyRating rating = new DailyRating(book);
        hours.values().forEach(container -> rating.rate(container).forEach(line -> expected.add(String.join("|",
                String.valueOf(line.containerId()), line.item().code(), String.valueOf(line.tier() == null ? 0
                        : line.tier()), line.priceVersion(), plain(line.quantity()), plain(line.unitPrice()),
                plain(line.amount())))));
        List<String> stored = jdbc.query("select container_id, item, tier, price_version, quantity, unit_price, amount"
                + " from charge_line where charge_date = ?", (rs, row) -> String.join("|", rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), plain(rs.getBigDecimal(5)),
                        plain(rs.getBigDecimal(6)), plain(rs.getBigDecimal(7))), Date.valueOf(day));
        assertThat(stored).as("stored lines of %s vs each stored hour rated in Java, seed %s", day, seed)
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void everyInvoiceTotalsItsDailyAndMonthLevelLines(JdbcTemplate jdbc, long seed) {
        jdbc.query("select id, tenant_id, billing_month, total from invoice", rs -> {
            Date first = rs.getDate(3);
            Date next = Date.valueOf(first.toLocalDate().plusMonths(1));
            BigDecimal daily = sum(jdbc, "select sum(amount) from charge_line where tenant_id = ? and charge_date >= ?"
                    + " and charge_date < ?", rs.getString(2), first, next);
            BigDecimal monthly = sum(jdbc, "select sum(amount) from month_charge_line where tenant_id = ?"
                    + " and billing_month = ?", rs.getString(2), first);
            BigDecimal lines = sum(jdbc, "select sum(amount) from invoice_line where invoice_id = ?", rs.getLong(1));
            assertThat(rs.getBigDecimal(4)).as("total of invoice %s %s, seed %s", rs.getString(2), first, seed)
                    .isEqualByComparingTo(daily.add(monthly)).isEqualByComparingTo(lines);
        });
    }

    private static void theExportedChargesAddUpToTheDatabase(JdbcTemplate jdbc, Path exportDir, LocalDate day,
            long seed) throws IOException {
        List<CSVRecord> rows = read(exportDir.resolve("demo/" + YearMonth.from(day) + "/charges-" + day + ".csv"));
        BigDecimal exported = BigDecimal.ZERO;
        for (CSVRecord row : rows) {
            String context = String.format("container='%s', item='%s', tier='%s', seed %s", row.get("container_id"),
                    row.get("item"), row.get("tier"), seed);
            BigDecimal amount = new BigDecimal(row.get("amount"));
            assertThat(amount).as("printed amount = round(printed quantity x unit price), %s", context)
                    .isEqualTo(Rounding.amount(new BigDecimal(row.get("quantity")),
                            new BigDecimal(row.get("unit_price")), CNY));
            assertThat(row.get("quantity") + row.get("unit_price") + row.get("amount")).as("decimals, %s", context)
                    .doesNotContainIgnoringCase("e");
            assertThat(neutralized(row.get("container_name"))).as("name '%s', %s", row.get("container_name"), context)
                    .isTrue();
            exported = exported.add(amount);
        }
        assertThat(rows).as("exported charge lines of %s, seed %s", day, seed)
                .hasSize((int) count(jdbc, "select count(*) from charge_line where charge_date = ?", Date.valueOf(day)));
        assertThat(exported).as("sum of exported amounts of %s, seed %s", day, seed).isEqualByComparingTo(
                sum(jdbc, "select sum(amount) from charge_line where charge_date = ?", Date.valueOf(day)));
    }

    private static void theExportedInvoiceAddsUpToItsTotal(JdbcTemplate jdbc, Path exportDir, YearMonth month,
            long seed) throws IOException {
        List<CSVRecord> rows = read(exportDir.resolve("demo/" + month + "/invoice-" + month + ".csv"));
        BigDecimal exported = rows.stream().map(row -> new BigDecimal(row.get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(rows).allSatisfy(row -> assertThat(neutralized(row.get("container_name")))
                .as("name '%s', seed %s", row.get("container_name"), seed).isTrue());
        assertThat(exported).as("sum of the exported invoice %s, seed %s", month, seed).isEqualByComparingTo(
                sum(jdbc, "select total from invoice where tenant_id = 'demo' and billing_month = ?",
                        Date.valueOf(month.atDay(1))));
    }

    private static boolean neutralized(String cell) {
        return cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static BigDecimal sum(JdbcTemplate jdbc, String sql, Object... args) {
        BigDecimal sum = jdbc.queryForObject(sql, BigDecimal.class, args);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}

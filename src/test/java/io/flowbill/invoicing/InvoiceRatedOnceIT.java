package io.flowbill.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.system.IntegrationTest;

/**
 * Worked examples of docs/billing-rules.md, "Invoice lines: rated once": an invoice line's amount is its month's
 * quantity times its unit price, rounded once, never the sum of daily-rounded amounts. The daily lines are written
 * as rating writes them (each day rounded on its own), then the invoice is refreshed. Book
 * {@code pricing/fixture-book.yaml}; plan {@code pricing/rated-once-plan.yaml} (10 % off compute in December 2026).
 */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.pricing.plan=classpath:pricing/rated-once-plan.yaml", "flowbill.metering.tenant=" + FixtureFleet.TENANT })
@Import(FixedClockConfiguration.class)
class InvoiceRatedOnceIT {

    static final String V1 = StoredLines.V1;
    static final String V2 = StoredLines.V2;
    static final int ON_DEMAND = 2;
    static final int PACKAGE = 1;

    @Autowired
    InvoiceService invoices;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MonthSums sums;

    @BeforeEach
    void empty() {
        new FixtureFleet(jdbc).clear();
    }

    @Test
    void billsAWholeOnDemandMonthAsItsHoursTimesThePriceOnce() {
        // given: 微小型 on demand every hour of September (30 days): each day 24 h x 0.039 = 0.936 -> 0.94
        YearMonth september = YearMonth.of(2026, 9);
        for (LocalDate day = september.atDay(1); !day.isAfter(september.atEndOfMonth()); day = day.plusDays(1)) {
            daily(day, 1, "compute", ON_DEMAND, 1, V1, "24", "hour", "0.039", "0.94");
        }

        // when
        InvoiceState invoice = invoices.refreshFor(FixtureFleet.TENANT, september.atDay(30));

        // then: 720 h x 0.039 = 28.08 once, not 30 x 0.94 = 28.20
        assertThat(lines(september)).containsExactly(line(1, "compute", V1, "720.000000000", "0.039", "28.08"));
        assertThat(invoice.total()).isEqualByComparingTo("28.08");
        assertThat(dailySum(september)).isEqualByComparingTo("28.20");
    }

    @Test
    void billsAWhole31DayPackageMonthAsOneMonth() {
        // given: 小型 package every day of October (744 h): each day 24 / 744 = 0.032258065 month x 43.20 = 1.39
        YearMonth october = YearMonth.of(2026, 10);
        for (LocalDate day = october.atDay(1); !day.isAfter(october.atEndOfMonth()); day = day.plusDays(1)) {
            daily(day, 2, "package", PACKAGE, 10, V1, "0.032258065", "month", "43.20", "1.39");
        }

        InvoiceState invoice = invoices.refreshFor(FixtureFleet.TENANT, october.atDay(31));

        // then: the month is 1 month x 43.20, not 31 x 1.39 = 43.09
        assertThat(lines(october)).containsExactly(line(2, "package", V1, "1.000000000", "43.20", "43.20"));
        assertThat(invoice.total()).isEqualByComparingTo("43.20");
        assertThat(dailySum(october)).isEqualByComparingTo("43.09");
    }

    @Test
    void billsAWholeFebruaryPackageMonthAsOneMonth() {
        // given: February 2026 (672 h): each day 24 / 672 = 0.035714286 month x 43.20 = 1.54
        YearMonth february = YearMonth.of(2026, 2);
        for (LocalDate day = february.atDay(1); !day.isAfter(february.atEndOfMonth()); day = day.plusDays(1)) {
            daily(day, 3, "package", PACKAGE, 10, V1, "0.035714286", "month", "43.20", "1.54");
        }

        InvoiceState invoice = invoices.refreshFor(FixtureFleet.TENANT, february.atDay(28));

        // then: 1 month x 43.20, not 28 x 1.54 = 43.12
        assertThat(lines(february)).containsExactly(line(3, "package", V1, "1.000000000", "43.20", "43.20"));
        assertThat(invoice.total()).isEqualByComparingTo("43.20");
    }

    @Test
    void billsAPartPackageMonthAsItsHoursShareOfThePriceRoundedOnce() {
        // given: 100 h of October's 744: four whole days (0.032258065 each) and 4 h (4 / 744 = 0.005376344)
        YearMonth october = YearMonth.of(2026, 10);
        for (int d = 1; d <= 4; d++) {
            daily(october.atDay(d), 4, "package", PACKAGE, 10, V1, "0.032258065", "month", "43.20", "1.39");
        }
        daily(october.atDay(5), 4, "package", PACKAGE, 10, V1, "0.005376344", "month", "43.20", "0.23");

        InvoiceState invoice = invoices.refreshFor(FixtureFleet.TENANT, october.atDay(5));

        // then: 100 / 744 = 0.134408602 month x 43.20 = 5.806451... -> 5.81 (the days: 4 x 1.39 + 0.23 = 5.79)
        assertThat(lines(october)).containsExactly(line(4, "package", V1, "0.134408602", "43.20", "5.81"));
        assertThat(invoice.total()).isEqualByComparingTo("5.81");
    }

    @Test
    void makesTwoLinesOfAMidMonthVersionChangeEachRoundedOnce() {
        // given: 微小型 on demand in November 2026: 26 h priced by V1 (a whole day, then 2 h), 694 h by V2
        YearMonth november = YearMonth.of(2026, 11);
        daily(november.atDay(1), 5, "compute", ON_DEMAND, 1, V1, "24", "hour", "0.039", "0.94");
        daily(november.atDay(2), 5, "compute", ON_DEMAND, 1, V1, "2", "hour", "0.039", "0.08");
        daily(november.atDay(2), 5, "compute", ON_DEMAND, 1, V2, "22", "hour", "0.039", "0.86");
        for (int d = 3; d <= 30; d++) {
            daily(november.atDay(d), 5, "compute", ON_DEMAND, 1, V2, "24", "hour", "0.039", "0.94");
        }

        InvoiceState invoice = invoices.refreshFor(FixtureFleet.TENANT, november.atDay(30));

        // then: 26 x 0.039 = 1.014 -> 1.01 (the days: 1.02) and 694 x 0.039 = 27.066 -> 27.07 (the days: 27.18)
        assertThat(lines(november)).containsExactly(line(5, "compute", V1, "26.000000000", "0.039", "1.01"),
                line(5, "compute", V2, "694.000000000", "0.039", "27.07"));
        assertThat(invoice.total()).isEqualByComparingTo("28.08");
    }

    @Test
    void discountsThePlansItemOnTheAmountsRatedOnce() {
        // given: December 2026 under the plan's 10 % off compute; 微小型 on demand every hour (31 days, 744 h)
        YearMonth december = YearMonth.of(2026, 12);
        String planned = "fixture-2026-11-25-noon+ro-2026-12";
        for (LocalDate day = december.atDay(1); !day.isAfter(december.atEndOfMonth()); day = day.plusDays(1)) {
            daily(day, 6, "compute", ON_DEMAND, 1, planned, "24", "hour", "0.039", "0.94");
        }

        InvoiceState invoice = invoices.refreshFor(FixtureFleet.TENANT, december.atDay(31));

        // then: 744 x 0.039 = 29.016 -> 29.02; 10 % of 29.02 = -2.902 -> -2.90 (of the days' 29.14 it would be -2.91)
        assertThat(lines(december)).containsExactly(line(0, "discount", "ro-2026-12", "29.020000000", "-0.10", "-2.90"),
                line(6, "compute", planned, "744.000000000", "0.039", "29.02"));
        assertThat(invoice.total()).isEqualByComparingTo("26.12");
    }

    private void daily(LocalDate day, long container, String item, int chargeType, int spec, String version,
            String quantity, String unit, String unitPrice, String amount) {
        jdbc.update("""
                insert into charge_line (tenant_id, charge_date, container_id, item, tier, charge_type, spec_id,
                  price_version, quantity, unit, unit_price, amount, currency, run_id)
                values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 'CNY', 1)
                """, FixtureFleet.TENANT, Date.valueOf(day), container, item, chargeType, spec, version,
                new BigDecimal(quantity), unit, new BigDecimal(unitPrice), new BigDecimal(amount));
        // written around rating's publish: the month's running sums are summed again
        sums.rebuild(FixtureFleet.TENANT, YearMonth.from(day));
    }

    private List<String> lines(YearMonth month) {
        return jdbc.query("""
                select l.container_id, l.item, l.price_version, l.quantity, l.unit_price, l.amount
                  from invoice_line l join invoice i on i.id = l.invoice_id
                 where i.tenant_id = ? and i.billing_month = ?
                 order by l.container_id, l.price_version
                """, (rs, row) -> line(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getBigDecimal(4).toPlainString(), rs.getBigDecimal(5).stripTrailingZeros().toPlainString(),
                rs.getBigDecimal(6).toPlainString()), FixtureFleet.TENANT, Date.valueOf(month.atDay(1)));
    }

    private BigDecimal dailySum(YearMonth month) {
        Map<String, Object> row = jdbc.queryForMap("select coalesce(sum(amount), 0) as s from charge_line"
                + " where tenant_id = ? and charge_date >= ? and charge_date < ?", FixtureFleet.TENANT,
                Date.valueOf(month.atDay(1)), Date.valueOf(month.plusMonths(1).atDay(1)));
        return (BigDecimal) row.get("s");
    }

    private static String line(long container, String item, String version, String quantity, String unitPrice,
            String amount) {
        return String.format("container=%d item=%s version=%s quantity=%s unit_price=%s amount=%s", container, item,
                version, quantity, new BigDecimal(unitPrice).stripTrailingZeros().toPlainString(), amount);
    }
}

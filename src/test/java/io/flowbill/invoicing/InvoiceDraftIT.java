package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static io.flowbill.invoicing.FixtureFleet.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.FixtureFleetTest;

/** DRAFT invoices: daily lines summed per container, item, tier and price, month-level overage, refresh, close. */
@FixtureFleetTest
class InvoiceDraftIT {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MonthSums sums;

    @BeforeEach
    void fixtureDayRated() throws Exception {
        new FixtureFleet(jdbc).clear().insertDay();
        rating.rate(FixtureFleet.TENANT, DAY);
    }

    @Test
    void sumsTheDailyLinesPerPriceVersionAndAddsThePackageOverage() {
        InvoiceState draft = acme(List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY)));

        List<String> lines = jdbc.query("""
                select l.container_id, l.item, l.tier, l.charge_type, l.spec_id, l.price_version, l.quantity,
                       l.unit_price, l.amount
                  from invoice_line l join invoice i on i.id = l.invoice_id where i.tenant_id = ?
                 order by 1, 2, 3, 6, 8
                """, (rs, row) -> String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6).replace("fixture-2026-", ""),
                rs.getBigDecimal(7).stripTrailingZeros().toPlainString(), rs.getString(8), rs.getString(9)), TENANT);
        // the fixture day has a price version change at noon: every line of the day is split in two
        assertThat(lines).as("lines of acme's November invoice: container item tier charge_type spec version"
                + " quantity unit_price amount").containsExactly(
                "101 bandwidth 1 2 20 01 60 0.03 1.80",
                "101 bandwidth 1 2 20 11-25-noon 60 0.03 1.80",
                "101 bandwidth 2 2 20 01 36 0.13 4.68",
                "101 bandwidth 2 2 20 11-25-noon 36 0.10 3.60",
                "101 compute 0 2 20 01 12 0.200 2.40",
                "101 compute 0 2 20 11-25-noon 12 0.200 2.40",
                "102 compute 0 2 10 01 12 0.060 0.72",
                "102 compute 0 2 10 11-25-noon 12 0.060 0.72",
                "102 traffic_out 0 2 10 01 8.59375 0.79 6.79",
                "102 traffic_out 0 2 10 11-25-noon 9.375 0.79 7.41",
                "103 package 0 1 10 01 0.016666667 43.20 0.72",
                "103 package 0 1 10 11-25-noon 0.016666667 43.20 0.72",
                // 12 GB out against 100 GB x 24 / 720 hours = 3.333333333 GB allowed: 8.666666667 GB x 0.79 = 6.85
                "103 package_overage 0 1 10 11-25-noon 8.666666667 0.79 6.85",
                "105 compute 0 2 30 01 12 0.280 3.36",
                "105 compute 0 2 30 11-25-noon 12 0.280 3.36");
        assertThat(draft.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(draft.total()).as("total = 40.48 of daily lines + 6.85 overage").isEqualByComparingTo("47.33");
    }

    @Test
    void totalsTheDailyAmountsPlusTheMonthLevelLines() {
        InvoiceState draft = acme(List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY)));

        BigDecimal daily = sum("select sum(amount) from charge_line where tenant_id = ?");
        BigDecimal monthly = sum("select sum(amount) from month_charge_line where tenant_id = ?");
        BigDecimal lines = sum("select sum(l.amount) from invoice_line l join invoice i on i.id = l.invoice_id"
                + " where i.tenant_id = ?");
        assertThat(draft.total()).as("invoice total vs daily %s + month-level %s", daily, monthly)
                .isEqualByComparingTo(daily.add(monthly)).isEqualByComparingTo(lines);
    }

    @Test
    void refusesAnOverageFromADayRatedBeforePackageDaysWereRecorded() {
        jdbc.update("update rated_day set package_days = false");

        assertThatThrownBy(() -> List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY))).hasMessageContaining("package days of 2026-11-25")
                .hasMessageContaining("rate those days again");
    }

    @Test
    void ratingSuchADayAgainRecordsItsPackageDaysAndTheOverageReturns() throws Exception {
        // the same usage rated again changes no line, and still marks the day's package days as recorded
        jdbc.update("update rated_day set package_days = false");

        rating.rate(FixtureFleet.TENANT, DAY);

        assertThat(acme(List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY))).total()).as("total with the 6.85 overage").isEqualByComparingTo("47.33");
    }

    @Test
    void refreshingAnUnchangedMonthWritesNoRow() {
        List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY));
        Map<String, List<String>> before = TableSnapshot.of(jdbc);

        InvoiceState again = acme(List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY)));

        assertThat(again.changed()).as("second refresh of acme's November").isFalse();
        assertThat(TableSnapshot.of(jdbc)).as("billing tables after a second refresh").isEqualTo(before);
    }

    @Test
    void recomputesTheDraftWhenTheDayIsRatedAgain() throws Exception {
        List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY));
        jdbc.update("delete from usage_hour where container_id = 105");
        rating.rate(FixtureFleet.TENANT, DAY);

        InvoiceState draft = acme(List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY)));

        assertThat(draft.changed()).as("refresh after re-rating").isTrue();
        assertThat(draft.total()).as("total without container 105's 6.72").isEqualByComparingTo("40.61");
        assertThat(InvoiceLines.of(jdbc, TENANT, NOVEMBER)).extracting(InvoiceLines.Line::containerId)
                .as("containers on the draft").doesNotContain(105L);
    }

    @Test
    void recomputesTheDraftWhenALineMovesToAnotherContainerWithTheSameTotals() {
        List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY));
        // count, amounts and quantities stay the same: only the lines themselves show the change
        jdbc.update("update charge_line set container_id = 199 where container_id = 105");
        sums.rebuild(FixtureFleet.TENANT, NOVEMBER);

        InvoiceState draft = acme(List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY)));

        assertThat(draft.changed()).as("refresh after container 105's lines became 199's").isTrue();
        assertThat(draft.total()).as("total, unchanged").isEqualByComparingTo("47.33");
        assertThat(InvoiceLines.of(jdbc, TENANT, NOVEMBER)).extracting(InvoiceLines.Line::containerId)
                .as("containers on the draft").contains(199L).doesNotContain(105L);
    }

    @Test
    void keepsOneInvoicePerTenantAndMonth() {
        List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY));

        assertThatThrownBy(() -> jdbc.update("""
                insert into invoice (tenant_id, billing_month, status, currency, total, lines, changed_at)
                values (?, ?, 'DRAFT', 'CNY', 0, 0, now())
                """, TENANT, Date.valueOf(NOVEMBER.atDay(1)))).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("invoice_once");
    }

    @Test
    void refusesToCloseAMonthThatIsNotOver() {
        assertThatThrownBy(() -> List.of(invoices.close(FixtureFleet.TENANT, YearMonth.of(2027, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2027-01 is not over yet").hasMessageContaining("2027-02-01T00:00+08:00");
    }

    private BigDecimal sum(String sql) {
        BigDecimal sum = jdbc.queryForObject(sql, BigDecimal.class, TENANT);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    static InvoiceState acme(List<InvoiceState> states) {
        return states.stream().filter(s -> s.tenant().equals(TENANT)).findFirst()
                .orElseThrow(() -> new AssertionError("no invoice of " + TENANT + " in " + states));
    }
}

package io.flowbill.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.billing.BillingService;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.IntegrationTest;

/**
 * A price plan through {@code nightly} on the built-in sandbox (30 containers, tenant demo) and PostgreSQL, with
 * the bundled book and {@code pricing/demo-plan.yaml}: the negotiated prices are in the charge lines, and the
 * month's invoice carries the plan's lines (container 0) after the daily lines, with total = the sum of its lines.
 */
@IntegrationTest(properties = { "flowbill.demo=true", "flowbill.sandbox.containers=30", "flowbill.sandbox.seed=7",
    "flowbill.pricing.plan=classpath:pricing/demo-plan.yaml" })
class PricePlanIT {

    static final String TENANT = "demo";
    static final String PLANNED = "fengchao-2017-05+demo-2020";

    @Autowired
    BillingService billing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PriceBook book;

    @Autowired
    Clock clock;

    @Test
    void putsThePlansLinesOnTheMonthsInvoiceWhoseTotalIsTheSumOfItsLines() throws Exception {
        LocalDate yesterday = book.zone().yesterday(clock.instant().minus(Duration.ofMinutes(10)));
        YearMonth month = YearMonth.from(yesterday);

        billing.nightly("demo", yesterday);

        // negotiated prices: every line priced by the planned version, spec 20 on demand at 0.150
        assertThat(jdbc.queryForList("select distinct price_version from charge_line", String.class))
                .as("price versions of the charge lines").containsExactly(PLANNED);
        assertThat(jdbc.queryForList("select distinct unit_price from charge_line where item = 'compute'"
                + " and spec_id = 20", BigDecimal.class)).as("compute unit prices of spec 20")
                .allSatisfy(price -> assertThat(price).isEqualByComparingTo("0.150"));
        assertThat(jdbc.queryForList("select distinct unit_price from charge_line where item = 'traffic_out'",
                BigDecimal.class)).as("traffic_out unit prices")
                .allSatisfy(price -> assertThat(price).isEqualByComparingTo("0.60"));

        // the plan's lines, worked from the stored lines: compute x -0.10, then the bill x -0.05, then the shortfall
        BigDecimal compute = sum("select coalesce(sum(amount), 0) from charge_line where item = 'compute'");
        BigDecimal charged = sum("select coalesce(sum(amount), 0) from charge_line")
                .add(sum("select coalesce(sum(amount), 0) from month_charge_line where item = 'package_overage'"));
        BigDecimal computeDiscount = compute.multiply(new BigDecimal("-0.10")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal billBase = charged.add(computeDiscount);
        BigDecimal billDiscount = billBase.multiply(new BigDecimal("-0.05")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal shortfall = new BigDecimal("100000.00").subtract(billBase).subtract(billDiscount);
        assertThat(compute).as("compute charged on %s", yesterday).isPositive();
        List<InvoiceLines.Line> lines = InvoiceLines.of(jdbc, TENANT, month);
        List<InvoiceLines.Line> plan = lines.stream().filter(line -> line.containerId() == 0).toList();
        assertThat(plan).as("plan lines of %s's %s invoice", TENANT, month)
                .extracting(l -> l.item() + " " + l.unit() + " " + plain(l.quantity()) + " x " + plain(l.unitPrice())
                        + " = " + plain(l.amount()))
                .containsExactlyInAnyOrder(
                        "discount compute " + plain(compute) + " x -0.1 = " + plain(computeDiscount),
                        "discount bill " + plain(billBase) + " x -0.05 = " + plain(billDiscount),
                        "commitment_shortfall month 1 x " + plain(shortfall) + " = " + plain(shortfall));
        assertThat(plan).allSatisfy(line -> assertThat(line.amount()).as("amount of %s", line)
                .isEqualTo(line.quantity().multiply(line.unitPrice()).setScale(2, RoundingMode.HALF_UP)));

        // the invoice is the sum of its lines: here the commitment, since the month falls short of it
        Map<String, Object> invoice = jdbc.queryForMap("select total, lines from invoice where tenant_id = ?"
                + " and billing_month = ?", TENANT, Date.valueOf(month.atDay(1)));
        BigDecimal sumOfLines = lines.stream().map(InvoiceLines.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat((BigDecimal) invoice.get("total")).as("total of %s's %s invoice", TENANT, month)
                .isEqualByComparingTo(sumOfLines).isEqualByComparingTo("100000.00");
        assertThat(((Number) invoice.get("lines")).intValue()).isEqualTo(lines.size());

        // and a rerun of the night changes no row
        Map<String, List<String>> rows = TableSnapshot.of(jdbc);
        billing.nightly("demo", yesterday);
        assertThat(TableSnapshot.of(jdbc)).as("billing tables after the second nightly of %s", yesterday)
                .isEqualTo(rows);

        // the unique key holds a plan line once, and only a discount may have a negative unit price
        assertThatThrownBy(() -> jdbc.update("insert into month_charge_line (tenant_id, billing_month, container_id,"
                + " item, charge_type, spec_id, price_version, quantity, unit, unit_price, amount, currency, changed_at)"
                + " select tenant_id, billing_month, container_id, item, charge_type, spec_id, price_version, quantity,"
                + " unit, unit_price, amount, currency, changed_at from month_charge_line where item = 'discount'"
                + " and unit = 'compute'")).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("month_charge_line_once");
        assertThatThrownBy(() -> jdbc.update("update month_charge_line set unit_price = -unit_price, amount = -amount"
                + " where item = 'commitment_shortfall'")).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("month_charge_line_unit_price_sign");
    }

    private BigDecimal sum(String sql) {
        return jdbc.queryForObject(sql, BigDecimal.class);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

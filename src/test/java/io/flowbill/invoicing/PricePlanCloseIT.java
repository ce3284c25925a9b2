package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static io.flowbill.invoicing.FixtureFleet.TENANT;
import static io.flowbill.invoicing.InvoiceDraftIT.acme;
import static io.flowbill.invoicing.InvoiceLines.assertAdjustment;
import static io.flowbill.invoicing.InvoiceLines.assertLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.system.IntegrationTest;

/**
 * A commitment on a closed month: the fixture day (47.33) under {@code pricing/fixture-plan.yaml}, a commitment of
 * 100.00 for November only. Late usage for the closed month moves charge from the shortfall to the container, so
 * the next open invoice gets two adjustments that cancel: the month still comes to its commitment.
 */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.metering.tenant=" + FixtureFleet.TENANT,
    "flowbill.pricing.plan=classpath:pricing/fixture-plan.yaml" })
@Import(FixedClockConfiguration.class)
class PricePlanCloseIT {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void lateUsageOfAClosedMonthUnderItsCommitmentAdjustsTheContainerAndTheShortfallByTheSameAmount()
            throws Exception {
        // given: November rated and closed: 47.33 charged, a shortfall of 100.00 - 47.33 = 52.67
        FixtureFleet fleet = new FixtureFleet(jdbc).clear().insertDay();
        rating.rate(FixtureFleet.TENANT, DAY);
        InvoiceState november = acme(List.of(invoices.close(FixtureFleet.TENANT, NOVEMBER, true)));
        assertLine(InvoiceLines.of(jdbc, TENANT, NOVEMBER), 0, "commitment_shortfall", "52.67", "1", "52.67");
        assertThat(november.total()).as("acme's FINAL November").isEqualByComparingTo("100.00");

        // when: a container metered late, 4 hours x 0.200 = 0.80
        fleet.container(107, "late-arrival").onDemand(20).hours(DAY, 20, 24).insert();
        rating.rate(FixtureFleet.TENANT, DAY);
        InvoiceState december = acme(List.of(invoices.refreshFor(FixtureFleet.TENANT, DAY)));

        // then: December carries +0.80 for 107 and -0.80 for the shortfall (52.67 -> 51.87); no December commitment
        List<InvoiceLines.Line> lines = InvoiceLines.of(jdbc, TENANT, DECEMBER);
        assertAdjustment(lines, 107, NOVEMBER, "0.80");
        assertAdjustment(lines, 0, NOVEMBER, "-0.80");
        assertThat(lines).as("lines of acme's December").hasSize(2);
        assertThat(december.total()).as("acme's December").isEqualByComparingTo("0.00");
    }
}

package io.flowbill.pricing;

import static io.flowbill.pricing.ChargeItem.BANDWIDTH;
import static io.flowbill.pricing.ChargeItem.COMPUTE;
import static io.flowbill.pricing.ChargeItem.TRAFFIC_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Worked examples of a plan's month-level lines (docs/billing-rules.md, "Price plans"), November 2026 (720 hours): item discounts,
 * then the whole-bill discount on what they leave, then the commitment shortfall on the discounted amount. Every
 * line keeps amount = round(quantity x unit price, 2) and the month's total is the sum of its lines.
 */
class PlanRatingTest {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void discountsEachDiscountedItemOnItsOwnLine() {
        PlanRating rating = new PlanRating(PricePlans.oneVersion("item-discount-percent: {bandwidth: 10,"
                + " traffic_out: 20}"));

        List<PlanLine> lines = rating.rate("acme", NOVEMBER, List.of(charged("v2+p", COMPUTE, "50.00"),
                charged("v2+p", BANDWIDTH, "123.45"), charged("v2+p", TRAFFIC_OUT, "10.00")));

        // bandwidth 123.45 x -0.10 = -12.345 -> -12.35; traffic_out 10.00 x -0.20 = -2.00; compute is not discounted
        assertThat(lines).extracting(PlanRatingTest::printed).containsExactly(
                "discount bandwidth 123.45 x -0.10 = -12.35 (p)", "discount traffic_out 10.00 x -0.20 = -2.00 (p)");
        assertThat(total(lines, "183.45")).as("183.45 charged - 14.35").isEqualByComparingTo("169.10");
    }

    @Test
    void discountsTheWholeBillAfterItsItemDiscounts() {
        PlanRating rating = new PlanRating(PricePlans.oneVersion("item-discount-percent: {bandwidth: 10}",
                "bill-discount-percent: 5"));

        List<PlanLine> lines = rating.rate("acme", NOVEMBER, List.of(charged("v2+p", COMPUTE, "50.00"),
                charged("v2+p", BANDWIDTH, "123.45")));

        // bandwidth -12.35 as above; the bill: 173.45 - 12.35 = 161.10 x -0.05 = -8.055 -> -8.06
        assertThat(lines).extracting(PlanRatingTest::printed).containsExactly(
                "discount bandwidth 123.45 x -0.10 = -12.35 (p)", "discount bill 161.10 x -0.05 = -8.06 (p)");
        assertThat(total(lines, "173.45")).isEqualByComparingTo("153.04");
    }

    @Test
    void billsTheShortfallBelowTheCommitmentOnTheDiscountedAmount() {
        PlanRating rating = new PlanRating(PricePlans.oneVersion("bill-discount-percent: 5",
                "commitment-per-month: 200.00"));

        List<PlanLine> lines = rating.rate("acme", NOVEMBER, List.of(charged("v2+p", COMPUTE, "150.00")));

        // 150.00 - 7.50 = 142.50 < 200.00: a shortfall of 57.50, so the month comes to the commitment
        assertThat(lines).extracting(PlanRatingTest::printed).containsExactly(
                "discount bill 150.00 x -0.05 = -7.50 (p)", "commitment_shortfall month 1 x 57.50 = 57.50 (p)");
        assertThat(total(lines, "150.00")).isEqualByComparingTo("200.00");
    }

    @Test
    void billsNoShortfallWhenTheCommitmentIsMet() {
        PlanRating met = new PlanRating(PricePlans.oneVersion("bill-discount-percent: 5",
                "commitment-per-month: 142.50"));

        List<PlanLine> lines = met.rate("acme", NOVEMBER, List.of(charged("v2+p", COMPUTE, "150.00")));

        // 150.00 - 7.50 = 142.50, exactly the commitment: no shortfall line
        assertThat(lines).extracting(PlanRatingTest::printed).containsExactly("discount bill 150.00 x -0.05 = -7.50 (p)");
    }

    @Test
    void billsTheWholeCommitmentOfAMonthWithoutCharges() {
        PlanRating rating = new PlanRating(PricePlans.oneVersion("commitment-per-month: 100.00"));

        assertThat(rating.rate("acme", NOVEMBER, List.of())).extracting(PlanRatingTest::printed)
                .containsExactly("commitment_shortfall month 1 x 100.00 = 100.00 (p)");
    }

    @Test
    void appliesEachPlanVersionToTheLinesItPricedAndProratesTheCommitmentByItsHours() {
        PlanRating rating = new PlanRating(PricePlans.planned(PricePlans.ACME_MID_MONTH));

        List<PlanLine> lines = rating.rate("acme", NOVEMBER, List.of(charged("v2+acme-1", BANDWIDTH, "100.00"),
                charged("v2+acme-1", COMPUTE, "40.00"), charged("v2+acme-2", BANDWIDTH, "100.00")));

        // acme-1 (first 360 h): bandwidth 100.00 x -0.10 = -10.00; bill (140.00 - 10.00) x -0.05 = -6.50
        // acme-2 (last 360 h): bandwidth 100.00 x -0.20 = -20.00, no bill discount
        // commitment 360/720 x 100.00 + 360/720 x 600.00 = 50.00 + 300.00 = 350.00 against 240.00 - 36.50 = 203.50
        assertThat(lines).extracting(PlanRatingTest::printed).containsExactly(
                "discount bandwidth 100.00 x -0.10 = -10.00 (acme-1)", "discount bill 130.00 x -0.05 = -6.50 (acme-1)",
                "discount bandwidth 100.00 x -0.20 = -20.00 (acme-2)",
                "commitment_shortfall month 1 x 146.50 = 146.50 (acme-2)");
        assertThat(total(lines, "240.00")).isEqualByComparingTo("350.00");
    }

    @Test
    void leavesLinesPricedBeforeThePlanUndiscountedButCountsThemTowardTheCommitment() {
        // a plan from 2026-11-21 00:00: 240 of November's 720 hours
        PlanRating rating = new PlanRating(PricePlans.planned("""
                versions:
                  - name: late
                    effective-from: 2026-11-21T00:00:00+08:00
                    item-discount-percent: {compute: 50}
                    commitment-per-month: 300.00
                """));

        List<PlanLine> lines = rating.rate("acme", NOVEMBER, List.of(charged("v2", COMPUTE, "60.00"),
                charged("v2+late", COMPUTE, "20.00")));

        // compute 20.00 x -0.50 = -10.00 (the 60.00 before the plan is not discounted);
        // commitment 240 / 720 = 0.333333333 x 300.00 = 99.9999999 -> 100.00 against 80.00 - 10.00 = 70.00
        assertThat(lines).extracting(PlanRatingTest::printed).containsExactly(
                "discount compute 20.00 x -0.50 = -10.00 (late)", "commitment_shortfall month 1 x 30.00 = 30.00 (late)");
    }

    @Test
    void everyPlanLineKeepsItsAmountEquation() {
        PlanRating rating = new PlanRating(PricePlans.planned(PricePlans.ACME_MID_MONTH));

        List<PlanLine> lines = rating.rate("acme", NOVEMBER, List.of(charged("v2+acme-1", BANDWIDTH, "33.33"),
                charged("v2+acme-2", BANDWIDTH, "0.05")));

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.amount()).as("amount of %s", printed(line))
                .isEqualTo(line.quantity().multiply(line.unitPrice()).setScale(2, java.math.RoundingMode.HALF_UP)));
    }

    private static PlanRating.Charged charged(String version, ChargeItem item, String amount) {
        return new PlanRating.Charged(version, item, new BigDecimal(amount));
    }

    private static BigDecimal total(List<PlanLine> lines, String charged) {
        return lines.stream().map(PlanLine::amount).reduce(new BigDecimal(charged), BigDecimal::add);
    }

    private static String printed(PlanLine line) {
        return line.item() + " " + line.unit() + " " + line.quantity().toPlainString() + " x "
                + line.unitPrice().toPlainString() + " = " + line.amount().toPlainString() + " (" + line.planVersion()
                + ")";
    }
}

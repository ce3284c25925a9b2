package io.flowbill.pricing;

import static io.flowbill.pricing.ChargeItem.BANDWIDTH;
import static io.flowbill.pricing.ChargeItem.COMPUTE;
import static io.flowbill.pricing.ChargeItem.TRAFFIC_OUT;
import static io.flowbill.pricing.ChargeLines.assertLine;
import static io.flowbill.pricing.ChargeLines.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Worked examples of negotiated unit prices (docs/billing-rules.md, "Price plans"): they change the unit price of the charge lines
 * themselves, priced by the book and plan versions in effect at each hour's start.
 */
class NegotiatedPricesTest {

    @Test
    void ratesANegotiatedSpecPriceIntoTheComputeLine() {
        DailyRating rating = new DailyRating(PricePlans.planned(PricePlans.ACME).book());

        List<ChargeLine> medium = rating.rate(UsageHours.onDemand(20).hours("2026-11-25T00:00", 24));
        List<ChargeLine> small = rating.rate(UsageHours.onDemand(10).hours("2026-11-25T00:00", 24));

        // spec 20: 24 h x 0.150 = 3.60 (the book's 0.200 would make 4.80); spec 10 is not negotiated: 24 x 0.060
        assertLine(find(medium, "2026-11-25", "v2+acme-1", COMPUTE, null), "24", "0.150", "3.60");
        assertLine(find(small, "2026-11-25", "v2+acme-1", COMPUTE, null), "24", "0.060", "1.44");
    }

    @Test
    void ratesANegotiatedItemPriceIntoTheTrafficLine() {
        DailyRating rating = new DailyRating(PricePlans.planned(PricePlans.ACME).book());

        List<ChargeLine> lines = rating.rate(UsageHours.onDemand(10).traffic("1024", "0").hours("2026-11-25T00:00", 24));

        // 24 x 1024 MB = 24 GB x 0.60 = 14.40 (the book's 0.79 would make 18.96)
        assertLine(find(lines, "2026-11-25", "v2+acme-1", TRAFFIC_OUT, null), "24", "0.60", "14.40");
    }

    @Test
    void keepsTheBooksPricesBeforeThePlanTakesEffect() {
        DailyRating rating = new DailyRating(PricePlans.planned(PricePlans.ACME).book());

        List<ChargeLine> lines = rating.rate(UsageHours.onDemand(20).bandwidth(8).hours("2026-10-31T00:00", 24));

        // 2026-10-31 is before acme-1: v2 alone, 24 x 0.200 = 4.80; bandwidth 120 x 0.03 and 72 x 0.10
        assertLine(find(lines, "2026-10-31", "v2", COMPUTE, null), "24", "0.200", "4.80");
        assertLine(find(lines, "2026-10-31", "v2", BANDWIDTH, 2), "72", "0.10", "7.20");
    }

    @Test
    void splitsTheDayWhereThePlanVersionChanges() {
        String plan = PricePlans.ACME + """
                  - name: acme-noon
                    effective-from: 2026-11-25T12:00:00+08:00
                    prices:
                      specs:
                        "20": {on-demand-per-hour: 0.120}
                """;
        DailyRating rating = new DailyRating(PricePlans.planned(plan).book());

        List<ChargeLine> lines = new ArrayList<>(rating.rate(UsageHours.onDemand(20).hours("2026-11-25T00:00", 24)));

        // 12 h x 0.150 = 1.80 before noon, 12 h x 0.120 = 1.44 after
        assertLine(find(lines, "2026-11-25", "v2+acme-1", COMPUTE, null), "12", "0.150", "1.80");
        assertLine(find(lines, "2026-11-25", "v2+acme-noon", COMPUTE, null), "12", "0.120", "1.44");
        assertThat(lines).hasSize(2);
    }

    @Test
    void withoutAPlanTheBookIsUsedAsItIs() {
        PriceBook book = PriceBooks.parse(PriceBooks.SMALL);

        PlannedBook planned = PlannedBook.of(book, PricePlan.NONE);

        assertThat(planned.book()).as("the book rating uses without a plan").isSameAs(book);
        assertThat(new PlanRating(planned).rate("acme", java.time.YearMonth.of(2026, 11),
                List.of(new PlanRating.Charged("v2", COMPUTE, new java.math.BigDecimal("10.00")))))
                .as("plan lines without a plan").isEmpty();
    }
}

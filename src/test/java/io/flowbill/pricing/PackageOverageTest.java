package io.flowbill.pricing;

import static io.flowbill.pricing.ChargeLines.assertLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The package overage, worked by hand. The allowance accrues per billable package hour with that hour's version:
 * package-traffic-gb x h / hours in the month; each version's excess (its traffic minus its allowance) is priced
 * by that version, after the allowance other versions left unused has covered it.
 */
class PackageOverageTest {

    private static final YearMonth MAY_2017 = YearMonth.of(2017, 5);
    private static final YearMonth NOVEMBER_2026 = YearMonth.of(2026, 11);
    private static final int HOUR = 3600;

    private final PackageOverage overage = new PackageOverage(PriceBooks.bundled());
    private final PriceBook cutBook = PriceBooks.parse(PriceBooks.ALLOWANCE_CUT);

    @Test
    void billsOutboundTrafficAboveAFullMonthsAllowance() {
        // 744 package hours, 130 GB = 133120 MB out; allowance 100 GB; overage 30 GB x 0.79 = 23.70
        List<ChargeLine> lines = overage.rate(may("fengchao-2017-05", 744, "133120"));

        assertThat(lines).hasSize(1);
        assertLine(lines.get(0), "30", "0.79", "23.70");
        assertThat(lines.get(0).item()).isEqualTo(ChargeItem.PACKAGE_OVERAGE);
        assertThat(lines.get(0).unit()).isEqualTo("GB");
        assertThat(lines.get(0).date()).isEqualTo(LocalDate.of(2017, 5, 31));
        assertThat(lines.get(0).priceVersion()).isEqualTo("fengchao-2017-05");
    }

    @Test
    void proratesTheAllowanceForAPartMonth() {
        // 240 of 744 hours: allowance 100 x 240 / 744 = 32.258064516... GB; 50 GB = 51200 MB out;
        // overage 17.741935483870... -> 17.741935484 GB; x 0.79 = 14.01612903236 -> 14.02
        List<ChargeLine> lines = overage.rate(may("fengchao-2017-05", 240, "51200"));

        assertThat(lines).hasSize(1);
        assertLine(lines.get(0), "17.741935484", "0.79", "14.02");
    }

    @Test
    void producesNoLineWithinTheAllowance() {
        assertThat(overage.rate(may("fengchao-2017-05", 744, "102400"))).as("exactly 100 GB").isEmpty();
        assertThat(overage.rate(may("fengchao-2017-05", 240, "1024"))).as("1 GB in a part month").isEmpty();
    }

    @Test
    void accruesTheAllowanceHourByHourSoACutOnTheLastDayAllowsTheMonthsOtherHoursTheirs() {
        // a whole November of package: 709 hours of v2 (100 GB), 11 of the cut (10 GB); 10 GB out before the cut,
        // 0.05 GB (51.2 MB) after it.
        // allowance: v2 100 x 709 / 720 = 98.472222 GB, cut 10 x 11 / 720 = 0.152778 GB: 98.625 GB in all
        // excess: v2 10 - 98.472222 < 0, cut 0.05 - 0.152778 < 0: no overage.
        // (the month-end version for the whole month would allow 10 x 720 / 720 = 10 GB: 0.05 GB x 1.00 = 0.05)
        PackageMonth wholeMonth = november(usage("v2", 709, "10240"), usage("cut", 11, "51.2"));

        assertThat(new PackageOverage(cutBook).rate(wholeMonth)).as("overage lines").isEmpty();
    }

    @Test
    void pricesEachVersionsExcessByThatVersion() {
        // package from 09:00 on November 30: 4 hours of v2 (09:00 to 12:00) at 4.5 GB = 4608 MB out each,
        // 11 hours of the cut (13:00 to 23:00) at 0.1 GB = 102.4 MB out each.
        // v2:  18 GB - 100 x 4 / 720 = 18 - 0.555555556 = 17.444444444 GB x 0.79 = 13.781111 -> 13.78
        // cut: 1.1 GB - 10 x 11 / 720 = 1.1 - 0.152777778 = 0.947222222 GB x 1.00 = 0.947222 -> 0.95
        // together 18.391666667 GB, 14.73 (the month-end version alone: 19.1 - 10 x 15 / 720 = 18.891666667 GB
        // x 1.00 = 18.89)
        PackageMonth lastDay = november(usage("v2", 4, "18432"), usage("cut", 11, "1126.4"));

        List<ChargeLine> lines = new PackageOverage(cutBook).rate(lastDay);

        assertThat(lines).extracting(ChargeLine::priceVersion).containsExactly("v2", "cut");
        assertLine(lines.get(0), "17.444444444", "0.79", "13.78");
        assertLine(lines.get(1), "0.947222222", "1.00", "0.95");
        assertThat(lines).extracting(ChargeLine::date).containsOnly(LocalDate.of(2026, 11, 30));
    }

    @Test
    void letsAllowanceLeftUnusedCoverAnotherVersionsExcess() {
        // a whole November: 50 GB out in the 709 hours of v2, 60 GB in the 11 hours of the cut.
        // v2:  50 - 98.472222 = -48.472222 GB: allowance unused
        // cut: 60 - 0.152778 = 59.847222 GB, of which the unused 48.472222 is covered: 11.375 GB x 1.00 = 11.38
        // (the month's total: 110 GB - 98.625 GB = 11.375 GB)
        PackageMonth wholeMonth = november(usage("v2", 709, "51200"), usage("cut", 11, "61440"));

        List<ChargeLine> lines = new PackageOverage(cutBook).rate(wholeMonth);

        assertThat(lines).extracting(ChargeLine::priceVersion).containsExactly("cut");
        assertLine(lines.get(0), "11.375", "1.00", "11.38");
    }

    @Test
    void makesOneLineOfVersionsInARowWithTheSameOveragePrice() {
        // May 2017 in the small book: v1 and v2 differ in bandwidth only (100 GB, 0.79 both); 100 hours of each,
        // 20 GB out in v1's, 10 GB in v2's; allowance 100 x 100 / 744 = 13.440860215 GB each.
        // one part: 30 - 26.881720430 = 3.118279570 GB x 0.79 = 2.46344086 -> 2.46, named after v2
        PackageOverage small = new PackageOverage(PriceBooks.parse(PriceBooks.SMALL));

        List<ChargeLine> lines = small.rate(new PackageMonth("acme", 100, 10, MAY_2017,
                List.of(usage("v2", 100, "10240"), usage("v1", 100, "20480"))));

        assertThat(lines).extracting(ChargeLine::priceVersion).containsExactly("v2");
        assertLine(lines.get(0), "3.118279570", "0.79", "2.46");
    }

    @Test
    void coversTheEarliestExcessFirst() {
        // May 2017, v2 with an overage price of 0.90 and a third version from 20 May at 1.00; 100 hours of each
        // version (allowance 100 x 100 / 744 = 13.440860215 GB each):
        // v1: 15 GB out, excess 1.559139785; v2: 10 GB out, unused 3.440860215; v3: 20 GB out, excess 6.559139785.
        // v2's unused allowance covers v1's excess first (all of it), then 1.881720430 of v3's:
        // v3 keeps 4.677419355 GB x 1.00 = 4.68, the month's 45 GB - 40.322580645 GB; v1 has no line
        PackageOverage threeVersions = new PackageOverage(PriceBooks.parse(PriceBooks.smallWithLine(22,
                "    effective-from: 2017-05-10T00:00:00+08:00", "    package-overage-per-gb: 0.90") + """
                  - name: v3
                    effective-from: 2017-05-20T00:00:00+08:00
                    package-overage-per-gb: 1.00
                """));

        List<ChargeLine> lines = threeVersions.rate(new PackageMonth("acme", 100, 10, MAY_2017,
                List.of(usage("v1", 100, "15360"), usage("v2", 100, "10240"), usage("v3", 100, "20480"))));

        assertThat(lines).extracting(ChargeLine::priceVersion).containsExactly("v3");
        assertLine(lines.get(0), "4.677419355", "1.00", "4.68");
    }

    @Test
    void refusesMorePackageHoursThanTheMonthHas() {
        assertThatThrownBy(() -> overage.rate(may("fengchao-2017-05", 745, "0")))
                .hasMessageContaining("exceed the month 2017-05");
    }

    @Test
    void refusesAVersionTheBookDoesNotHave() {
        assertThatThrownBy(() -> overage.rate(may("gone", 10, "0"))).hasMessageContaining("no version 'gone'");
    }

    private static PackageMonth may(String version, int hours, String outboundMb) {
        return new PackageMonth("acme", 100, 10, MAY_2017, List.of(usage(version, hours, outboundMb)));
    }

    private static PackageMonth november(PackageMonth.Usage... usage) {
        return new PackageMonth("acme", 100, 10, NOVEMBER_2026, new ArrayList<>(List.of(usage)));
    }

    private static PackageMonth.Usage usage(String version, int hours, String outboundMb) {
        return new PackageMonth.Usage(version, (long) hours * HOUR, new BigDecimal(outboundMb));
    }
}

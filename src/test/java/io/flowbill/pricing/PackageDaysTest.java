package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PackageDaysTest {

    private final PackageDays days = new PackageDays(PriceBooks.bundled());

    @Test
    void sumsBillableHoursWithTheVersionsHourRoundingAndTheirOutboundTraffic() {
        // given: a partial first hour (CEIL: counts whole), then 9 full hours of 100 MB out each
        UsageHours container = UsageHours.packaged(10).container("acme", 7).traffic("100", "5");
        List<UsageHour> hours = new ArrayList<>();
        hours.add(container.hour("2017-05-20T09:00", 60));
        hours.addAll(container.hours("2017-05-20T10:00", 9));

        // when
        List<PackageDay> tallied = days.tally(blocks(hours));

        // then: 10 hours x 3600 s, 10 x 100 MB
        assertThat(tallied).containsExactly(
                new PackageDay("acme", LocalDate.of(2017, 5, 20), 7, 10, "fengchao-2017-05", 36_000,
                        new BigDecimal("1000")));
    }

    @Test
    void countsNeitherTheHoursNorTheTrafficOfHoursThatAreNotBillable() {
        UsageHours unknownStatus = UsageHours.packaged(10).container("acme", 8).traffic("100", "0").notBillable();

        assertThat(days.tally(blocks(unknownStatus.hours("2017-05-20T00:00", 5)))).as("package days of container 8")
                .isEmpty();
    }

    @Test
    void addsNoTrafficForAnHourWhoseTrafficIsAnException() {
        UsageHours container = UsageHours.packaged(10).container("acme", 7);
        List<UsageHour> hours = List.of(container.traffic("300", "0").hour("2017-05-20T00:00", 3600),
                container.traffic(null, null).hour("2017-05-20T01:00", 3600));

        PackageDay day = days.tally(blocks(hours)).get(0);

        assertThat(day.packageSeconds()).as("both hours are billed").isEqualTo(7200);
        assertThat(day.outboundMb()).as("only the readable hour's traffic").isEqualByComparingTo("300");
    }

    @Test
    void refusesHoursOfTwoContainersOrTwoDays() {
        UsageHours a = UsageHours.packaged(10).container("acme", 7);
        UsageHours b = UsageHours.packaged(10).container("acme", 8);

        assertThatThrownBy(() -> days.tally(blocks(List.of(a.hour("2017-05-20T00:00", 3600),
                b.hour("2017-05-20T01:00", 3600))))).hasMessageContaining("container 8");
        assertThatThrownBy(() -> days.tally(blocks(List.of(a.hour("2017-05-20T23:00", 3600),
                a.hour("2017-05-21T00:00", 3600))))).hasMessageContaining("per container and day");
    }

    @Test
    void talliesTheHoursOfEachPriceVersionApartWithTheVersionAtEachHoursStart() {
        // given: a version takes effect at 12:30 on 2026-11-30; the 12:00 hour starts before it
        PackageDays cut = new PackageDays(PriceBooks.parse(PriceBooks.ALLOWANCE_CUT));
        UsageHours container = UsageHours.packaged(10).container("acme", 7).traffic("10", "0");

        // when
        List<PackageDay> tallied = cut.tally(blocks(container.hours("2026-11-30T00:00", 24)));

        // then: 00:00 to 12:00 are 13 hours of v2, 13:00 to 23:00 are 11 hours of the cut
        LocalDate day = LocalDate.of(2026, 11, 30);
        assertThat(tallied).containsExactly(
                new PackageDay("acme", day, 7, 10, "v2", 13 * 3600, new BigDecimal("130")),
                new PackageDay("acme", day, 7, 10, "cut", 11 * 3600, new BigDecimal("110")));
    }

    @Test
    void makesAMonthOfPackageUsageByVersion() {
        PackageMonth month = new PackageMonth("acme", 7, 10, YearMonth.of(2017, 5),
                List.of(new PackageMonth.Usage("fengchao-2016-12", 30_000, new BigDecimal("12.5")),
                        new PackageMonth.Usage("fengchao-2017-05", 60_000, BigDecimal.ZERO)));

        assertThat(month.packageSeconds()).isEqualTo(90_000);
        assertThatThrownBy(() -> new PackageMonth("acme", 7, 10, YearMonth.of(2017, 5),
                List.of(new PackageMonth.Usage("v", 1, BigDecimal.ONE), new PackageMonth.Usage("v", 2, BigDecimal.ONE))))
                .hasMessageContaining("given twice");
    }

    private static List<UsageBlock> blocks(List<UsageHour> hours) {
        return hours.stream().map(UsageBlock::of).toList();
    }
}

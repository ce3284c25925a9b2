package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class PackageMonthsTest {

    private final PackageMonths months = new PackageMonths(PriceBooks.bundled());

    @Test
    void sumsBillableHoursWithTheVersionsHourRoundingAndTheirOutboundTraffic() {
        // given: a partial first hour (CEIL: counts whole), then 9 full hours of 100 MB out each
        UsageHours container = UsageHours.packaged(10).container("acme", 7).traffic("100", "5");
        List<UsageHour> hours = new ArrayList<>();
        hours.add(container.hour("2017-05-20T09:00", 60));
        hours.addAll(container.hours("2017-05-20T10:00", 9));

        // when
        List<PackageMonth> tallied = months.tallySorted(hours.stream().map(UsageBlock::of)).toList();

        // then
        assertThat(tallied).hasSize(1);
        PackageMonth month = tallied.get(0);
        assertThat(month.month()).isEqualTo(YearMonth.of(2017, 5));
        assertThat(month.packageHours()).as("package hours of container 7").isEqualByComparingTo("10");
        assertThat(month.outboundMb()).as("outbound MB of container 7").isEqualByComparingTo("1000");
    }

    @Test
    void countsNeitherTheHoursNorTheTrafficOfHoursThatAreNotBillable() {
        UsageHours billed = UsageHours.packaged(10).container("acme", 7).traffic("100", "0");
        UsageHours unknownStatus = UsageHours.packaged(10).container("acme", 8).traffic("100", "0").notBillable();

        List<PackageMonth> tallied = months.tallySorted(Stream.concat(billed.hours("2017-05-20T00:00", 2).stream(),
                unknownStatus.hours("2017-05-20T00:00", 5).stream()).map(UsageBlock::of)).toList();

        assertThat(tallied).extracting(PackageMonth::containerId).as("containers with billable package hours")
                .containsExactly(7L);
    }

    @Test
    void addsNoTrafficForAnHourWhoseTrafficIsAnException() {
        UsageHours container = UsageHours.packaged(10).container("acme", 7);
        List<UsageHour> hours = List.of(container.traffic("300", "0").hour("2017-05-20T00:00", 3600),
                container.traffic(null, null).hour("2017-05-20T01:00", 3600));

        PackageMonth month = months.tallySorted(hours.stream().map(UsageBlock::of)).findFirst().orElseThrow();

        assertThat(month.packageHours()).as("both hours are billed").isEqualByComparingTo("2");
        assertThat(month.outboundMb()).as("only the readable hour's traffic").isEqualByComparingTo("300");
    }

    @Test
    void refusesHoursThatAreNotGroupedByContainer() {
        UsageHours a = UsageHours.packaged(10).container("acme", 7);
        UsageHours b = UsageHours.packaged(10).container("acme", 8);
        Stream<UsageHour> unsorted = Stream.of(a.hour("2017-05-20T00:00", 3600), b.hour("2017-05-20T00:00", 3600),
                a.hour("2017-05-20T01:00", 3600));

        assertThatThrownBy(() -> months.tallySorted(unsorted.map(UsageBlock::of)).toList()).hasMessageContaining("container 7");
    }
}

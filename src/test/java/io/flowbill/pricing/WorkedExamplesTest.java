package io.flowbill.pricing;

import static io.flowbill.pricing.ChargeItem.BANDWIDTH;
import static io.flowbill.pricing.ChargeItem.COMPUTE;
import static io.flowbill.pricing.ChargeItem.PACKAGE;
import static io.flowbill.pricing.ChargeItem.TRAFFIC_OUT;
import static io.flowbill.pricing.ChargeLines.assertLine;
import static io.flowbill.pricing.ChargeLines.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The worked examples of the pricing issue, with its exact numbers, on the bundled book. */
class WorkedExamplesTest {

    private static final String V2016 = "fengchao-2016-12";
    private static final String V2017 = "fengchao-2017-05";

    private final DailyRating rating = new DailyRating(PriceBooks.bundled());

    @Test
    void ratesMediumOnDemandBandwidthAcrossTiersAndAcrossTheVersionChange() {
        // given: spec 20, 8 Mbps, created 2017-05-09 10:20 +08:00, so the 10:00 hour has 2400 active seconds
        UsageHours container = UsageHours.onDemand(20).bandwidth(8);
        List<UsageHour> hours = new ArrayList<>();
        hours.add(container.hour("2017-05-09T10:00", 2400));
        hours.addAll(container.hours("2017-05-09T11:00", 13 + 24));

        // when
        List<ChargeLine> lines = rating.rate(hours);

        // then: 14 hours on 2017-05-09 at the 2016-12 prices
        assertLine(find(lines, "2017-05-09", V2016, COMPUTE, null), "14", "0.200", "2.80");
        assertLine(find(lines, "2017-05-09", V2016, BANDWIDTH, 1), "70", "0.03", "2.10");
        assertLine(find(lines, "2017-05-09", V2016, BANDWIDTH, 2), "42", "0.13", "5.46");
        // and 24 hours on 2017-05-10 at the 2017-05 prices (>5 Mbps at 0.10)
        assertLine(find(lines, "2017-05-10", V2017, COMPUTE, null), "24", "0.200", "4.80");
        assertLine(find(lines, "2017-05-10", V2017, BANDWIDTH, 1), "120", "0.03", "3.60");
        assertLine(find(lines, "2017-05-10", V2017, BANDWIDTH, 2), "72", "0.10", "7.20");
        assertThat(lines).hasSize(6);
        assertThat(lines).allSatisfy(line -> assertThat(line.unit()).isEqualTo(line.item().unit()));
        assertThat(find(lines, "2017-05-09", V2016, BANDWIDTH, 1).unit()).isEqualTo("Mbps_hour");
    }

    @Test
    void ratesSmallOnDemandByTrafficOutboundOnly() {
        // given: 18.61 GB = 19056.64 MB out in the day: 23 hours of 800 MB and one of 656.64 MB; 300 MB in each hour
        UsageHours container = UsageHours.onDemand(10).traffic("800", "300");
        List<UsageHour> hours = new ArrayList<>(container.hours("2017-06-01T00:00", 23));
        hours.add(container.traffic("656.64", "300").hour("2017-06-01T23:00", 3600));

        // when
        List<ChargeLine> lines = rating.rate(hours);

        // then: 18.61 x 0.79 = 14.7019 -> 14.70; inbound is free, so no traffic_in line
        assertLine(find(lines, "2017-06-01", V2017, TRAFFIC_OUT, null), "18.61", "0.79", "14.70");
        assertLine(find(lines, "2017-06-01", V2017, COMPUTE, null), "24", "0.060", "1.44");
        assertThat(lines).extracting(ChargeLine::item).containsExactly(COMPUTE, TRAFFIC_OUT);
    }

    @Test
    void ratesSmallPackageFullDayAsAShareOfTheMonth() {
        // given: a full day of May 2017, a 31-day month of 744 hours; package network is included
        List<UsageHour> day = UsageHours.packaged(10).bandwidth(8).hours("2017-05-20T00:00", 24);

        // when
        List<ChargeLine> lines = rating.rate(day);

        // then: 24 / 744 = 0.032258064516... -> 0.032258065 month; x 43.20 = 1.393548408 -> 1.39
        assertThat(lines).hasSize(1);
        assertLine(lines.get(0), "0.032258065", "43.20", "1.39");
        assertThat(lines.get(0).quantity()).isEqualTo("0.032258065");
        assertThat(lines.get(0).item()).isEqualTo(PACKAGE);
        assertThat(lines.get(0).unit()).isEqualTo("month");
    }
}

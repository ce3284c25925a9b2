package io.flowbill.pricing;

import static io.flowbill.pricing.ChargeItem.BANDWIDTH;
import static io.flowbill.pricing.ChargeItem.COMPUTE;
import static io.flowbill.pricing.ChargeItem.TRAFFIC_IN;
import static io.flowbill.pricing.ChargeItem.TRAFFIC_OUT;
import static io.flowbill.pricing.ChargeLines.assertLine;
import static io.flowbill.pricing.ChargeLines.find;
import static io.flowbill.pricing.PriceBooks.smallWithLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The rating rules beyond the worked examples, mostly on the small book (v1 from 2017-01-01, v2 from 2017-05-10). */
class DailyRatingTest {

    private final DailyRating rating = new DailyRating(PriceBooks.parse(PriceBooks.SMALL));

    @Test
    void splitsLinesByPriceVersionWhenTheVersionChangesInsideADay() {
        DailyRating noonChange = new DailyRating(PriceBooks.parse(
                smallWithLine(22, "    effective-from: 2017-05-10T12:00:00+08:00")));

        List<ChargeLine> lines = noonChange.rate(UsageHours.onDemand(20).bandwidth(8).hours("2017-05-10T00:00", 24));

        assertLine(find(lines, "2017-05-10", "v1", COMPUTE, null), "12", "0.200", "2.40");
        assertLine(find(lines, "2017-05-10", "v1", BANDWIDTH, 2), "36", "0.13", "4.68");
        assertLine(find(lines, "2017-05-10", "v2", COMPUTE, null), "12", "0.200", "2.40");
        assertLine(find(lines, "2017-05-10", "v2", BANDWIDTH, 2), "36", "0.10", "3.60");
        assertThat(lines).hasSize(6);
    }

    @Test
    void exactRoundingBillsActiveSecondsAsFractionsOfAnHourSummedBeforeDividing() {
        DailyRating exact = new DailyRating(PriceBooks.parse(smallWithLine(6, "    hour-rounding: EXACT")));
        UsageHours container = UsageHours.onDemand(20).bandwidth(8);

        List<ChargeLine> half = exact.rate(List.of(container.hour("2017-06-01T10:00", 1800)));
        // 1800 s + 1000 s + 1 s = 2801 s = 0.778055555... hour, divided once
        List<ChargeLine> odd = exact.rate(List.of(container.hour("2017-06-02T10:00", 1800),
                container.hour("2017-06-02T11:00", 1000), container.hour("2017-06-02T12:00", 1)));

        assertLine(find(half, "2017-06-01", "v2", COMPUTE, null), "0.5", "0.200", "0.10");
        assertLine(find(half, "2017-06-01", "v2", BANDWIDTH, 1), "2.5", "0.03", "0.08");
        assertLine(find(half, "2017-06-01", "v2", BANDWIDTH, 2), "1.5", "0.10", "0.15");
        assertLine(find(odd, "2017-06-02", "v2", COMPUTE, null), "0.778055556", "0.200", "0.16");
    }

    @Test
    void ceilRoundingCountsAHourWithOneActiveSecondWholeAndAHourWithNoneNot() {
        UsageHours container = UsageHours.onDemand(10);

        List<ChargeLine> lines = rating.rate(List.of(container.hour("2017-06-01T10:00", 1),
                container.hour("2017-06-01T11:00", 0)));

        assertLine(find(lines, "2017-06-01", "v2", COMPUTE, null), "1", "0.060", "0.06");
        assertThat(lines).hasSize(1);
    }

    @Test
    void privateContainerHasNoNetworkLines() {
        List<ChargeLine> lines = rating.rate(
                UsageHours.onDemand(30).bandwidth(8).privateNetwork().hours("2017-06-01T00:00", 24));

        assertThat(lines).extracting(ChargeLine::item).containsExactly(COMPUTE);
        assertLine(lines.get(0), "24", "0.280", "6.72");
    }

    @Test
    void notBillableHoursProduceNothing() {
        List<ChargeLine> lines = rating.rate(
                UsageHours.onDemand(20).bandwidth(8).notBillable().hours("2017-06-01T00:00", 24));

        assertThat(lines).isEmpty();
    }

    @Test
    void trafficExceptionLeavesComputeBilled() {
        List<ChargeLine> lines = rating.rate(
                UsageHours.onDemand(10).traffic(null, null).hours("2017-06-01T00:00", 3));

        assertThat(lines).extracting(ChargeLine::item).containsExactly(COMPUTE);
        assertLine(lines.get(0), "3", "0.060", "0.18");
    }

    @Test
    void inboundTrafficIsBilledWhenItsPriceIsNotZero() {
        DailyRating paidInbound = new DailyRating(PriceBooks.parse(smallWithLine(19, "    traffic-in-per-gb: 0.2")));

        List<ChargeLine> lines = paidInbound.rate(
                UsageHours.onDemand(10).traffic("512", "2048").hours("2017-04-01T00:00", 2));

        assertLine(find(lines, "2017-04-01", "v1", TRAFFIC_OUT, null), "1", "0.79", "0.79");
        assertLine(find(lines, "2017-04-01", "v1", TRAFFIC_IN, null), "4", "0.2", "0.80");
    }

    @Test
    void fiveMbpsTouchesOnlyTheFirstTier() {
        List<ChargeLine> lines = rating.rate(UsageHours.onDemand(1).bandwidth(5).hours("2017-06-01T00:00", 24));

        assertLine(find(lines, "2017-06-01", "v2", BANDWIDTH, 1), "120", "0.03", "3.60");
        assertThat(lines).extracting(ChargeLine::item).containsExactly(COMPUTE, BANDWIDTH);
    }

    @Test
    void ratesAStreamSortedByContainerOneContainerAtATime() {
        List<UsageHour> hours = new ArrayList<>(UsageHours.onDemand(10).container("acme", 1).hours("2017-06-01T00:00", 2));
        hours.addAll(UsageHours.onDemand(20).container("acme", 2).hours("2017-06-01T00:00", 3));

        List<ChargeLine> lines = rating.rateSortedByContainer(hours.stream().map(UsageBlock::of))
                .flatMap(container -> container.lines().stream()).toList();

        assertThat(lines).extracting(ChargeLine::containerId).containsExactly(1L, 2L);
        assertLine(lines.get(0), "2", "0.060", "0.12");
        assertLine(lines.get(1), "3", "0.200", "0.60");
    }

    @Test
    void makesTheDayOfAContainerWithAnHourItCannotPriceAnExceptionAndRatesTheOthers() {
        // container 2's 01:00 hour has a spec the book does not price; container 3's row is not usage at all
        List<UsageRow> rows = new ArrayList<>();
        UsageHours.onDemand(10).container("acme", 1).hours("2017-06-01T00:00", 2).forEach(h -> rows.add(UsageBlock.of(h)));
        rows.add(UsageBlock.of(UsageHours.onDemand(20).container("acme", 2).hour("2017-06-01T00:00", 3600)));
        rows.add(UsageBlock.of(UsageHours.onDemand(99).container("acme", 2).hour("2017-06-01T01:00", 3600)));
        rows.add(new UnreadableUsage("acme", 3, UsageHours.local("2017-06-01T05:00"), "unknown charge_type 7"));
        rows.add(UsageBlock.of(UsageHours.onDemand(20).container("acme", 4).hour("2017-06-01T00:00", 3600)));

        List<RatedContainer> rated = rating.rateSortedByContainer(rows.stream()).toList();

        assertThat(rated).flatExtracting(RatedContainer::lines).extracting(ChargeLine::containerId)
                .as("containers billed").containsExactly(1L, 4L);
        assertThat(rated).flatExtracting(RatedContainer::unrateable).extracting(UnrateableDay::containerId,
                UnrateableDay::date, UnrateableDay::dayStart, UnrateableDay::hour).containsExactly(
                        tuple(2L, LocalDate.of(2017, 6, 1), UsageHours.local("2017-06-01T00:00"),
                                UsageHours.local("2017-06-01T01:00")),
                        tuple(3L, LocalDate.of(2017, 6, 1), UsageHours.local("2017-06-01T00:00"),
                                UsageHours.local("2017-06-01T05:00")));
        assertThat(rated.get(1).unrateable().get(0).reason()).contains("container 2").contains("spec_id 99");
        assertThat(rated.get(2).unrateable().get(0).reason()).contains("container 3").contains("unknown charge_type 7");
    }

    @Test
    void refusesAStreamWhereAContainerComesBack() {
        UsageHours first = UsageHours.onDemand(10).container("acme", 1);
        Stream<UsageHour> hours = Stream.of(first.hour("2017-06-01T00:00", 3600),
                UsageHours.onDemand(10).container("acme", 2).hour("2017-06-01T00:00", 3600),
                first.hour("2017-06-01T01:00", 3600));

        assertThatThrownBy(() -> rating.rateSortedByContainer(hours.map(UsageBlock::of)).toList())
                .hasMessageContaining("not sorted by container: container 1");
    }

    @Test
    void refusesAStreamWhereATenantComesBack() {
        Stream<UsageHour> hours = Stream.of(UsageHours.onDemand(10).container("acme", 1).hour("2017-06-01T00:00", 3600),
                UsageHours.onDemand(10).container("beta", 2).hour("2017-06-01T00:00", 3600),
                UsageHours.onDemand(10).container("acme", 3).hour("2017-06-01T00:00", 3600));

        assertThatThrownBy(() -> rating.rateSortedByContainer(hours.map(UsageBlock::of)).toList())
                .hasMessageContaining("container 3 of tenant acme comes back after another");
    }

    @Test
    void refusesTheSameHourTwice() {
        UsageHours container = UsageHours.onDemand(10);

        assertThatThrownBy(() -> rating.rate(List.of(container.hour("2017-06-01T00:00", 3600),
                container.hour("2017-06-01T00:00", 1800)))).hasMessageContaining("given twice");
    }

    @Test
    void refusesAnHourBeforeTheFirstVersion() {
        assertThatThrownBy(() -> rating.rate(UsageHours.onDemand(10).hours("2016-12-31T23:00", 1)))
                .hasMessageContaining("no price version is in effect at 2016-12-31T15:00:00Z");
    }

    @Test
    void refusesASpecTheVersionDoesNotPrice() {
        assertThatThrownBy(() -> rating.rate(UsageHours.onDemand(60).hours("2017-06-01T00:00", 1)))
                .hasMessageContaining("spec_id 60 has no price in version v2");
    }
}

package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class PriceBookLoaderTest {

    @Test
    void loadsTheBundledBookWithTheSeedCloudsPrices() {
        PriceBook book = PriceBooks.bundled();

        assertThat(book.currency()).isEqualTo(Currency.getInstance("CNY"));
        assertThat(book.zone().id().getId()).isEqualTo("Asia/Shanghai");
        assertThat(book.versions()).extracting(PriceVersion::name)
                .containsExactly("fengchao-2016-12", "fengchao-2017-05");
        PriceVersion first = book.versions().get(0);
        assertThat(first.effectiveFrom()).isEqualTo(OffsetDateTime.parse("2016-12-13T00:00:00+08:00").toInstant());
        assertThat(first.hourRounding()).isEqualTo(HourRounding.CEIL);
        assertThat(first.spec(20).onDemandPerHour()).as("spec 20 on demand").isEqualByComparingTo("0.200");
        assertThat(first.spec(10).packagePerMonth()).as("spec 10 package: 720 x 0.060").isEqualByComparingTo("43.20");
        assertThat(first.spec(50).packagePerMonth()).as("spec 50 package: 720 x 1.140").isEqualByComparingTo("820.80");
        assertThat(first.bandwidthTiers().get(1).pricePerMbpsHour()).isEqualByComparingTo("0.13");
        assertThat(first.trafficInPerGb()).isEqualByComparingTo("0");
    }

    @Test
    void laterVersionTakesOmittedKeysFromThePreviousOne() {
        PriceBook book = PriceBooks.bundled();
        PriceVersion first = book.versions().get(0);
        PriceVersion second = book.versions().get(1);

        assertThat(second.effectiveFrom()).isEqualTo(OffsetDateTime.parse("2017-05-10T00:00:00+08:00").toInstant());
        assertThat(second.bandwidthTiers().get(1).pricePerMbpsHour()).as("tier 2 from 2017-05-10")
                .isEqualByComparingTo("0.10");
        assertThat(second.specs()).isEqualTo(first.specs());
        assertThat(second.hourRounding()).isEqualTo(first.hourRounding());
        assertThat(second.trafficOutPerGb()).isEqualByComparingTo(first.trafficOutPerGb());
    }

    @Test
    void laterVersionMergesSpecsByIdAndKey() {
        PriceBook book = PriceBooks.parse(PriceBooks.smallWithLine(23,
                "    specs:", "      \"20\": {on-demand-per-hour: 0.18}", "    bandwidth-per-mbps-hour:"));

        PriceVersion second = book.versions().get(1);
        assertThat(second.spec(20).onDemandPerHour()).isEqualByComparingTo("0.18");
        assertThat(second.spec(20).packagePerMonth()).as("inherited key").isEqualByComparingTo("144.00");
        assertThat(second.spec(10).onDemandPerHour()).as("inherited spec").isEqualByComparingTo("0.060");
    }

    @Test
    void readsASpecsMaxTrafficPerHourDefaultsItTo100GbAndInheritsIt() {
        PriceBook book = PriceBooks.parse(PriceBooks.smallWithLine(10, "      \"10\": {name: 小型, on-demand-per-hour:"
                + " 0.060, package-per-month: 43.20, package-traffic-gb: 100, max-traffic-gb-per-hour: 20.5}"));

        assertThat(book.versions().get(0).spec(10).maxTrafficGbPerHour()).isEqualByComparingTo("20.5");
        assertThat(book.versions().get(0).spec(20).maxTrafficGbPerHour()).as("not given: the default")
                .isEqualByComparingTo("100");
        assertThat(book.versions().get(1).spec(10).maxTrafficGbPerHour()).as("inherited by v2")
                .isEqualByComparingTo("20.5");
        assertThat(PriceBooks.bundled().versions().get(0).spec(10).maxTrafficGbPerHour()).as("bundled book")
                .isEqualByComparingTo(SpecPrice.DEFAULT_MAX_TRAFFIC_GB_PER_HOUR);
    }

    @Test
    void readsNumbersExactlyFromTheirText() {
        PriceBook book = PriceBooks.parse(PriceBooks.smallWithLine(18, "    traffic-out-per-gb: 0.123457"));

        assertThat(book.versions().get(0).trafficOutPerGb()).isEqualTo(new BigDecimal("0.123457"));
    }

    @Test
    void acceptsAZoneWhoseDaylightSavingShiftsByWholeHours() {
        // Berlin: +01:00 and +02:00, so a day is 23, 24 or 25 whole UTC hours
        PriceBook book = PriceBooks.parse(PriceBooks.smallWithLine(2, "zone: Europe/Berlin"));

        assertThat(book.zone().startOf(LocalDate.of(2017, 3, 26)))
                .isEqualTo(Instant.parse("2017-03-25T23:00:00Z"));
        assertThat(book.zone().startOf(LocalDate.of(2017, 3, 27)))
                .as("the day of the spring change is 23 whole hours")
                .isEqualTo(Instant.parse("2017-03-26T22:00:00Z"));
    }

    @Test
    void acceptsAZoneThatHadAPartHourOffsetOnlyBeforeTheFirstVersion() {
        // Asia/Shanghai's local mean time before 1901 was +08:05:43
        assertThat(PriceBooks.parse(PriceBooks.SMALL).zone().id().getId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void findsTheVersionInEffectAtAnInstant() {
        PriceBook book = PriceBooks.bundled();

        assertThat(book.versionAt(Instant.parse("2017-05-09T15:59:59Z")).name()).isEqualTo("fengchao-2016-12");
        assertThat(book.versionAt(Instant.parse("2017-05-09T16:00:00Z")).name()).isEqualTo("fengchao-2017-05");
        assertThat(book.versionAt(Instant.parse("2030-01-01T00:00:00Z")).name()).isEqualTo("fengchao-2017-05");
    }

    @Test
    void refusesAnInstantBeforeTheFirstVersion() {
        PriceBook book = PriceBooks.bundled();

        assertThatThrownBy(() -> book.versionAt(Instant.parse("2016-12-12T15:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no price version is in effect at 2016-12-12T15:59:59Z")
                .hasMessageContaining("fengchao-2016-12");
    }
}

package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class BillingZoneTest {

    private final BillingZone shanghai = new BillingZone(ZoneId.of("Asia/Shanghai"));

    @Test
    void countsTheHoursOfCalendarMonthsInTheZone() {
        assertThat(shanghai.secondsIn(YearMonth.of(2017, 5)) / 3600).as("May 2017").isEqualTo(744);
        assertThat(shanghai.secondsIn(YearMonth.of(2017, 2)) / 3600).as("February 2017").isEqualTo(672);
        assertThat(shanghai.secondsIn(YearMonth.of(2016, 2)) / 3600).as("February 2016").isEqualTo(696);
    }

    @Test
    void countsDaylightSavingShiftsInTheMonthsLength() {
        BillingZone berlin = new BillingZone(ZoneId.of("Europe/Berlin"));

        assertThat(berlin.secondsIn(YearMonth.of(2017, 3)) / 3600).as("March 2017 loses an hour").isEqualTo(743);
        assertThat(berlin.secondsIn(YearMonth.of(2017, 10)) / 3600).as("October 2017 gains one").isEqualTo(745);
    }

    @Test
    void turnsInstantsIntoDaysAndMonthsOfTheZone() {
        Instant lateUtc = Instant.parse("2017-05-31T16:00:00Z");

        assertThat(shanghai.date(lateUtc)).isEqualTo(LocalDate.of(2017, 6, 1));
        assertThat(shanghai.month(lateUtc)).isEqualTo(YearMonth.of(2017, 6));
        assertThat(shanghai.lastSecondOf(YearMonth.of(2017, 5))).isEqualTo(Instant.parse("2017-05-31T15:59:59Z"));
    }

    @Test
    void startsTheBillingDayAtMidnightInTheZone() {
        assertThat(shanghai.startOf(LocalDate.of(2026, 11, 25))).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(shanghai.yesterday(Instant.parse("2026-11-25T16:30:00Z")))
                .as("16:30Z is already 00:30 on the 26th in Shanghai").isEqualTo(LocalDate.of(2026, 11, 25));
    }
}

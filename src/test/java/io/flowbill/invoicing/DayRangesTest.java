package io.flowbill.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Unrated days are named as ranges of consecutive days, so a whole month reads as one range. */
class DayRangesTest {

    @Test
    void writesAWholeMonthAsOneRange() {
        List<LocalDate> november = Stream.iterate(LocalDate.of(2026, 11, 1), d -> d.plusDays(1)).limit(30).toList();

        assertThat(DayRanges.of(november)).isEqualTo("2026-11-01..2026-11-30");
    }

    @Test
    void writesSingleDaysAloneAndRunsAsRangesInOrder() {
        List<LocalDate> days = List.of(day(30), day(28), day(29), day(26), day(1), day(2), day(3));

        assertThat(DayRanges.of(days)).isEqualTo("2026-11-01..2026-11-03, 2026-11-26, 2026-11-28..2026-11-30");
    }

    @Test
    void writesNothingForNoDays() {
        assertThat(DayRanges.of(List.of())).isEmpty();
    }

    private static LocalDate day(int day) {
        return LocalDate.of(2026, 11, day);
    }
}

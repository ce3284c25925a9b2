package io.flowbill.invoicing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A month cannot be closed while some of its days were never rated: its FINAL invoice would miss them for good
 * (their charges would only ever reach a later invoice as adjustments).
 */
public class UnratedDaysException extends IllegalStateException {

    private final transient List<LocalDate> days;

    UnratedDaysException(String tenant, YearMonth month, List<LocalDate> days) {
        super(month + " of tenant " + tenant + " has " + days.size() + (days.size() == 1 ? " day" : " days") + " that were never rated: "
                + DayRanges.of(days));
        this.days = List.copyOf(days);
    }

    /** The days never rated, in order. */
    public List<LocalDate> days() {
        return days;
    }
}

package io.flowbill.pricing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The billing zone: the one place where instants become days and months.
 *
 * @param id the price book's zone, e.g. {@code Asia/Shanghai}
 */
public record BillingZone(ZoneId id) {

    public BillingZone {
        Objects.requireNonNull(id, "id");
    }

    /** The calendar day in the zone that contains the instant. */
    public LocalDate date(Instant instant) {
        return instant.atZone(id).toLocalDate();
    }

    /** The calendar month in the zone that contains the instant. */
    public YearMonth month(Instant instant) {
        return YearMonth.from(instant.atZone(id));
    }

    /** The first instant of the day in the zone: a billing day is [startOf(date), startOf(date + 1 day)). */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(id).toInstant();
    }

    /** Today's date in the zone at the instant {@code now}, minus one day: the last day that is surely over. */
    public LocalDate yesterday(Instant now) {
        return date(now).minusDays(1);
    }

    /** The first instant of the month in the zone. */
    public Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(id).toInstant();
    }

    /** The last second of the month in the zone. */
    public Instant lastSecondOf(YearMonth month) {
        return startOf(month.plusMonths(1)).minusSeconds(1);
    }

    /**
     * The length of a calendar month in the zone, measured between its first instants so that daylight saving
     * shifts count (the pricing issue: "compute it generally from ZonedDateTime").
     */
    public long secondsIn(YearMonth month) {
        return Duration.between(startOf(month), startOf(month.plusMonths(1))).toSeconds();
    }
}

package io.flowbill.pricing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
     * A UTC offset of this zone that is not a whole number of hours, in effect at {@code from} or later (by a
     * past transition or a recurring rule); empty when every offset from {@code from} on is whole hours, so that
     * every day and month from then on is a whole number of UTC hours.
     */
    public Optional<ZoneOffset> partHourOffsetFrom(Instant from) {
        ZoneRules rules = id.getRules();
        List<ZoneOffset> offsets = new ArrayList<>();
        offsets.add(rules.getOffset(from));
        rules.getTransitions().stream().filter(t -> t.getInstant().isAfter(from))
                .forEach(t -> offsets.add(t.getOffsetAfter()));
        for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
            offsets.add(rule.getOffsetBefore());
            offsets.add(rule.getOffsetAfter());
        }
        return offsets.stream().filter(offset -> offset.getTotalSeconds() % HourRounding.SECONDS_PER_HOUR != 0)
                .findFirst();
    }

    /**
     * The length of a calendar month in the zone, measured between its first instants so that daylight saving
     * shifts count (docs/billing-rules.md, "Billing zone": computed generally from ZonedDateTime).
     */
    public long secondsIn(YearMonth month) {
        return Duration.between(startOf(month), startOf(month.plusMonths(1))).toSeconds();
    }
}

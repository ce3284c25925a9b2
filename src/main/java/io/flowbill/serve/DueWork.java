package io.flowbill.serve;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.scheduling.support.CronExpression;

import io.flowbill.metering.MeteringRange;
import io.flowbill.pricing.BillingZone;

/**
 * What is due at one instant: the hours to meter and the days to bill, given what was done last.
 *
 * <p>Hours: every whole hour after the last metered window whose end is at least the metering lag in the past,
 * as ranges split at the billing zone's day boundaries; with nothing metered yet, those since the current billing
 * day began (the day before it is metered by its own nightly billing).
 * Days: every day after the last billed one whose nightly time (the first {@code nightly-cron} time after the day
 * ends, and not before its last hour can be metered) has passed; with nothing billed yet, the last such day alone.
 * Both go back at most {@code catch-up}; what lies further back is named in {@link #leftBehind}.
 *
 * @param hours      ranges to meter, oldest first
 * @param days       days to bill, oldest first
 * @param leftBehind gaps older than the catch-up, for the log (empty when none)
 */
record DueWork(List<MeteringRange> hours, List<LocalDate> days, List<String> leftBehind) {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final int MAX_DAYS_BACK = 400;

    DueWork {
        hours = List.copyOf(hours);
        days = List.copyOf(days);
        leftBehind = List.copyOf(leftBehind);
    }

    boolean isEmpty() {
        return hours.isEmpty() && days.isEmpty();
    }

    /**
     * @param lastMetered start of the last metered window, null when none
     * @param lastBilled  the last billed day, null when none
     */
    static DueWork at(Instant now, Duration lag, BillingZone zone, CronExpression nightly, Duration catchUp,
            Instant lastMetered, LocalDate lastBilled) {
        List<String> leftBehind = new ArrayList<>();
        List<MeteringRange> hours = hours(now, lag, zone, catchUp, lastMetered, leftBehind);
        List<LocalDate> days = days(now, lag, zone, nightly, catchUp, lastBilled, leftBehind);
        return new DueWork(hours, days, leftBehind);
    }

    private static List<MeteringRange> hours(Instant now, Duration lag, BillingZone zone, Duration catchUp,
            Instant lastMetered, List<String> leftBehind) {
        Instant end = now.minus(lag).truncatedTo(ChronoUnit.HOURS);
        Instant earliest = end.minus(catchUp).truncatedTo(ChronoUnit.HOURS);
        Instant start = lastMetered == null ? zone.startOf(zone.date(end)).truncatedTo(ChronoUnit.HOURS)
                : lastMetered.plus(HOUR);
        if (start.isBefore(earliest)) {
            leftBehind.add("hours " + start + " .. " + earliest + " (older than flowbill.serve.catch-up "
                    + ServeProperties.readable(catchUp) + "; meter them with 'meter --from " + start + " --to "
                    + earliest + "')");
            start = earliest;
        }
        List<MeteringRange> ranges = new ArrayList<>();
        while (start.isBefore(end)) {
            Instant dayEnd = zone.startOf(zone.date(start).plusDays(1)).truncatedTo(ChronoUnit.HOURS);
            Instant split = dayEnd.isAfter(start) ? dayEnd : start.plus(Duration.ofDays(1));
            Instant to = split.isBefore(end) ? split : end;
            ranges.add(new MeteringRange(start, to));
            start = to;
        }
        return ranges;
    }

    private static List<LocalDate> days(Instant now, Duration lag, BillingZone zone, CronExpression nightly,
            Duration catchUp, LocalDate lastBilled, List<String> leftBehind) {
        LocalDate latest = null;
        for (LocalDate day = zone.date(now); latest == null && day.isAfter(zone.date(now).minusDays(MAX_DAYS_BACK));
                day = day.minusDays(1)) {
            if (!now.isBefore(dueAt(day, lag, zone, nightly))) {
                latest = day;
            }
        }
        if (latest == null) {
            return List.of();
        }
        LocalDate earliest = latest.minusDays(Math.max(1, catchUp.toDays()) - 1);
        LocalDate first = lastBilled == null ? latest : lastBilled.plusDays(1);
        if (first.isBefore(earliest)) {
            leftBehind.add("days " + first + " .. " + earliest.minusDays(1) + " (older than flowbill.serve.catch-up "
                    + ServeProperties.readable(catchUp) + "; bill each with 'nightly --date DAY')");
            first = earliest;
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(latest); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** When a day is due for billing: its nightly time, and not before its last hour may be metered. */
    static Instant dueAt(LocalDate day, Duration lag, BillingZone zone, CronExpression nightly) {
        ZonedDateTime dayEnd = zone.startOf(day.plusDays(1)).atZone(zone.id());
        ZonedDateTime fire = nightly.next(dayEnd.minusNanos(1));
        Instant settled = dayEnd.toInstant().plus(lag);
        if (fire == null) {
            return Instant.MAX;
        }
        return fire.toInstant().isBefore(settled) ? settled : fire.toInstant();
    }
}

package io.flowbill.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.CronExpression;

import io.flowbill.metering.MeteringRange;
import io.flowbill.pricing.BillingZone;

/** What the scheduler finds due, in the Asia/Shanghai billing zone (UTC+8) with a 10-minute lag. */
class DueWorkTest {

    private static final BillingZone SHANGHAI = new BillingZone(ZoneId.of("Asia/Shanghai"));
    private static final Duration LAG = Duration.ofMinutes(10);
    private static final CronExpression AT_0130 = CronExpression.parse("0 30 1 * * *");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void firstStartMetersTheBillingDaySoFarAndBillsYesterday() {
        // 2026-11-20 21:15 in Shanghai, nothing done yet
        DueWork due = due("2026-11-20T13:15:00Z", null, null, WEEK);

        assertThat(due.hours()).containsExactly(range("2026-11-19T16:00:00Z", "2026-11-20T13:00:00Z"));
        assertThat(due.days()).containsExactly(LocalDate.parse("2026-11-19"));
        assertThat(due.leftBehind()).isEmpty();
    }

    @Test
    void twoHoursAfterTheLastWindowBothAreDue() {
        DueWork due = due("2026-11-20T15:15:00Z", "2026-11-20T12:00:00Z", "2026-11-19", WEEK);

        assertThat(due.hours()).containsExactly(range("2026-11-20T13:00:00Z", "2026-11-20T15:00:00Z"));
        assertThat(due.days()).as("Nov 20 ends at 16:00Z").isEmpty();
    }

    @Test
    void anHourIsNotDueBeforeTheLagHasPassed() {
        assertThat(due("2026-11-20T15:09:59Z", "2026-11-20T13:00:00Z", "2026-11-19", WEEK).isEmpty())
                .as("14:00-15:00 at 15:09:59").isTrue();
        assertThat(due("2026-11-20T15:10:00Z", "2026-11-20T13:00:00Z", "2026-11-19", WEEK).hours())
                .as("14:00-15:00 at 15:10").containsExactly(range("2026-11-20T14:00:00Z", "2026-11-20T15:00:00Z"));
    }

    @Test
    void catchUpIsSplitAtBillingDayBoundaries() {
        DueWork due = due("2026-11-20T13:15:00Z", "2026-11-18T10:00:00Z", "2026-11-19", WEEK);

        assertThat(due.hours()).containsExactly(
                range("2026-11-18T11:00:00Z", "2026-11-18T16:00:00Z"),
                range("2026-11-18T16:00:00Z", "2026-11-19T16:00:00Z"),
                range("2026-11-19T16:00:00Z", "2026-11-20T13:00:00Z"));
    }

    @Test
    void aDayIsDueAtTheNightlyTimeInTheBillingZone() {
        // Nov 20 in Shanghai is billed at 01:30 on Nov 21 there, 17:30Z on Nov 20
        assertThat(due("2026-11-20T17:29:59Z", "2026-11-20T16:00:00Z", "2026-11-19", WEEK).days()).isEmpty();
        assertThat(due("2026-11-20T17:30:00Z", "2026-11-20T16:00:00Z", "2026-11-19", WEEK).days())
                .containsExactly(LocalDate.parse("2026-11-20"));
    }

    @Test
    void missedDaysAreBilledOldestFirst() {
        assertThat(due("2026-11-20T17:45:00Z", "2026-11-20T16:00:00Z", "2026-11-15", WEEK).days())
                .extracting(LocalDate::toString)
                .containsExactly("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20");
    }

    @Test
    void aNightlyTimeBeforeTheLagWaitsForTheLastHour() {
        DueWork early = DueWork.at(Instant.parse("2026-11-20T16:09:00Z"), LAG, SHANGHAI,
                CronExpression.parse("0 0 0 * * *"), WEEK, Instant.parse("2026-11-20T14:00:00Z"),
                LocalDate.parse("2026-11-19"));
        DueWork settled = DueWork.at(Instant.parse("2026-11-20T16:10:00Z"), LAG, SHANGHAI,
                CronExpression.parse("0 0 0 * * *"), WEEK, Instant.parse("2026-11-20T14:00:00Z"),
                LocalDate.parse("2026-11-19"));

        assertThat(early.days()).as("midnight cron, 9 minutes after midnight").isEmpty();
        assertThat(settled.days()).as("midnight cron, 10 minutes after midnight")
                .containsExactly(LocalDate.parse("2026-11-20"));
    }

    @Test
    void gapsOlderThanTheCatchUpAreLeftBehindAndNamed() {
        DueWork due = due("2026-11-20T17:45:00Z", "2026-11-10T00:00:00Z", "2026-11-10", Duration.ofDays(2));

        assertThat(due.hours().get(0).from()).isEqualTo(Instant.parse("2026-11-18T17:00:00Z"));
        assertThat(due.days()).extracting(LocalDate::toString).containsExactly("2026-11-19", "2026-11-20");
        assertThat(due.leftBehind()).containsExactly(
                "hours 2026-11-10T01:00:00Z .. 2026-11-18T17:00:00Z (older than flowbill.serve.catch-up 2d;"
                        + " meter them with 'meter --from 2026-11-10T01:00:00Z --to 2026-11-18T17:00:00Z')",
                "days 2026-11-11 .. 2026-11-18 (older than flowbill.serve.catch-up 2d;"
                        + " bill each with 'nightly --date DAY')");
    }

    private static DueWork due(String now, String lastMetered, String lastBilled, Duration catchUp) {
        return DueWork.at(Instant.parse(now), LAG, SHANGHAI, AT_0130, catchUp,
                lastMetered == null ? null : Instant.parse(lastMetered),
                lastBilled == null ? null : LocalDate.parse(lastBilled));
    }

    private static MeteringRange range(String from, String to) {
        return MeteringRange.parse(from, to);
    }
}

package io.flowbill.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.DemoFleetTest;

/**
 * Billing a day forgets only the usage changes its rating could see: a change another process records while the
 * day is being rated (after the snapshot taken before rating) stays, so the day is billed again.
 */
@DemoFleetTest
class ChangedDaysIT {

    static final LocalDate DAY = LocalDate.parse("2026-11-20");

    @Autowired
    ChangedDays changed;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PriceBook book;

    @Test
    void aChangeRecordedWhileTheDayWasRatedStaysForTheNextBilling() {
        BillingZone zone = book.zone();
        Instant morning = zone.startOf(DAY).plusSeconds(3 * 3600);
        Instant evening = zone.startOf(DAY).plusSeconds(20 * 3600);
        record(morning);
        String seenBeforeRating = changed.snapshot();
        record(evening); // another process's recheck, committed while the day is being rated

        changed.billed("demo", DAY, zone, seenBeforeRating);

        assertThat(windows(DAY)).as("usage changes of %s left after billing it", DAY).containsExactly(evening);
        changed.billed("demo", DAY, zone, changed.snapshot());
        assertThat(windows(DAY)).as("usage changes of %s after billing it again", DAY).isEmpty();
    }

    @Test
    void aChangeRecordedAgainAfterTheSnapshotStays() {
        BillingZone zone = book.zone();
        Instant noon = zone.startOf(DAY.plusDays(1)).plusSeconds(12 * 3600);
        record(noon);
        String seenBeforeRating = changed.snapshot();
        jdbc.update("update usage_change set recorded_by = pg_current_xact_id() where window_start = ?",
                Timestamp.from(noon)); // the same hour changed again, as the metering's upsert does

        changed.billed("demo", DAY.plusDays(1), zone, seenBeforeRating);

        assertThat(windows(DAY.plusDays(1))).as("an hour changed again while its day was rated")
                .containsExactly(noon);
    }

    private void record(Instant window) {
        jdbc.update("insert into usage_change (tenant_id, window_start) values ('demo', ?)", Timestamp.from(window));
    }

    /** The changed hours of a day (each test uses a day of its own). */
    private List<Instant> windows(LocalDate day) {
        BillingZone zone = book.zone();
        return jdbc.queryForList("select window_start from usage_change where window_start >= ? and window_start < ?"
                + " order by 1", Timestamp.class, Timestamp.from(zone.startOf(day)),
                Timestamp.from(zone.startOf(day.plusDays(1)))).stream().map(Timestamp::toInstant).toList();
    }
}

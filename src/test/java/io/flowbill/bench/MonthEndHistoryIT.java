package io.flowbill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.MonthCheck;
import io.flowbill.invoicing.RatedDay;
import io.flowbill.invoicing.RatingService;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.IntegrationTest;

/**
 * The bench's month-end history: the earlier days hold their usage and exactly what rating writes for them, though
 * only the last was rated by the real job; the bench's check refuses a history that differs.
 */
@IntegrationTest
class MonthEndHistoryIT {

    static final int CONTAINERS = 50;
    static final int HISTORY_DAYS = 3;

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    PriceBook book;

    @Autowired
    MonthCheck monthCheck;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loadedHistoryHoldsWhatRatingWritesForThoseDays() throws Exception {
        // given
        BillingZone zone = book.zone();
        LocalDate measured = MonthEnd.measuredDay(LocalDate.now(zone.id()), HISTORY_DAYS);

        // when
        MonthEnd.History history;
        long hoursOfADay;
        try (Connection connection = dataSource.getConnection()) {
            RatingInput.loadContainers(connection, CONTAINERS, zone.startOf(measured.minusDays(HISTORY_DAYS)));
            history = MonthEnd.load(connection, rating, invoices, zone, CONTAINERS, measured, HISTORY_DAYS,
                    HISTORY_DAYS);
            HistoryCheck.require(connection, rating, monthCheck, measured, HISTORY_DAYS, HISTORY_DAYS);
            hoursOfADay = RatingInput.loadUsage(connection, CONTAINERS, zone.startOf(measured));
        }

        // then
        assertThat(history.days()).isEqualTo(HISTORY_DAYS);
        long hours = 0;
        long lines = 0;
        for (int before = 1; before <= HISTORY_DAYS; before++) {
            LocalDate day = measured.minusDays(before);
            long dayHours = jdbc.queryForObject("select count(*) from usage_hour where window_start >= ?"
                    + " and window_start < ?", Long.class, Timestamp.from(zone.startOf(day)),
                    Timestamp.from(zone.startOf(day.plusDays(1))));
            assertThat(dayHours).as("usage hours of history day '%s'", day).isEqualTo(hoursOfADay);
            List<String> storedLines = HistoryRows.of(jdbc, "charge_line", day);
            List<String> storedPackageDays = HistoryRows.of(jdbc, "package_day", day);
            assertThat(storedLines).as("charge lines of history day '%s'", day).isNotEmpty();
            assertThat(storedPackageDays).as("package days of history day '%s'", day).isNotEmpty();
            List<String> storedRollups = HistoryRows.rollups(jdbc, day);

            RatedDay again = rating.rate(RatingInput.TENANT, day);

            assertThat(again.changed()).as("rating history day '%s' again changed its rows", day).isFalse();
            assertThat(HistoryRows.of(jdbc, "charge_line", day)).as("charge lines of day '%s' rated again", day)
                    .isEqualTo(storedLines);
            assertThat(HistoryRows.of(jdbc, "package_day", day)).as("package days of day '%s' rated again", day)
                    .isEqualTo(storedPackageDays);
            assertThat(HistoryRows.rollups(jdbc, day)).as("charge_day and usage_day of day '%s' rated again", day)
                    .isEqualTo(storedRollups);
            hours += dayHours;
            lines += storedLines.size();
        }
        assertThat(history.usageHours()).as("usage hours the history reports").isEqualTo(hours);
        assertThat(history.chargeLines()).as("charge lines the history reports").isEqualTo(lines);
        assertThat(jdbc.queryForObject("select count(*) from invoice where billing_month = ?", Long.class,
                Date.valueOf(measured.withDayOfMonth(1)))).as("invoices of the history's month").isPositive();
    }
}

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
import io.flowbill.invoicing.RatedDay;
import io.flowbill.invoicing.RatingService;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.IntegrationTest;

/** The bench's month-end history: the earlier days hold their usage and exactly what rating writes for them. */
@IntegrationTest
class MonthEndHistoryIT {

    static final int CONTAINERS = 50;
    static final int HISTORY_DAYS = 2;

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    PriceBook book;

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
            history = MonthEnd.load(connection, rating, invoices, zone, CONTAINERS, measured, HISTORY_DAYS);
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
            List<String> storedLines = rows("charge_line", day);
            List<String> storedPackageDays = rows("package_day", day);
            assertThat(storedLines).as("charge lines of history day '%s'", day).isNotEmpty();
            assertThat(storedPackageDays).as("package days of history day '%s'", day).isNotEmpty();

            RatedDay again = rating.rate(RatingInput.TENANT, day);

            assertThat(again.changed()).as("rating history day '%s' again changed its rows", day).isFalse();
            assertThat(rows("charge_line", day)).as("charge lines of day '%s' rated again", day)
                    .isEqualTo(storedLines);
            assertThat(rows("package_day", day)).as("package days of day '%s' rated again", day)
                    .isEqualTo(storedPackageDays);
            hours += dayHours;
            lines += storedLines.size();
        }
        assertThat(history.usageHours()).as("usage hours the history reports").isEqualTo(hours);
        assertThat(history.chargeLines()).as("charge lines the history reports").isEqualTo(lines);
        assertThat(jdbc.queryForObject("select count(*) from invoice where billing_month = ?", Long.class,
                Date.valueOf(measured.withDayOfMonth(1)))).as("invoices of the history's month").isPositive();
    }

    /** The day's rows of {@code table} but their run, in a stable order, as text. */
    private List<String> rows(String table, LocalDate day) {
        return jdbc.queryForList("select (to_jsonb(t) - 'run_id' - 'id')::text from " + table
                + " t where charge_date = ? order by 1", String.class, Date.valueOf(day));
    }
}

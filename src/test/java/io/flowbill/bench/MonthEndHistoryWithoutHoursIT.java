package io.flowbill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.MonthCheck;
import io.flowbill.invoicing.RatingService;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.IntegrationTest;

/**
 * The bench's month-end history of a fleet too large for every day's usage hours: only the last history day has
 * them, and every day holds that day's rated rows.
 */
@IntegrationTest
class MonthEndHistoryWithoutHoursIT {

    static final int CONTAINERS = 50;
    static final int HISTORY_DAYS = 3;

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    MonthCheck monthCheck;

    @Autowired
    PriceBook book;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void historyWithoutHoursHoldsTheRatedDaysRowsOnEveryDay() throws Exception {
        // given
        BillingZone zone = book.zone();
        LocalDate measured = MonthEnd.measuredDay(LocalDate.now(zone.id()), HISTORY_DAYS);

        // when
        MonthEnd.History history;
        try (Connection connection = dataSource.getConnection()) {
            RatingInput.loadContainers(connection, CONTAINERS, zone.startOf(measured.minusDays(HISTORY_DAYS)));
            history = MonthEnd.load(connection, rating, invoices, zone, CONTAINERS, measured, HISTORY_DAYS, 1);
            HistoryCheck.require(connection, rating, monthCheck, measured, HISTORY_DAYS, 1);
        }

        // then
        LocalDate rated = measured.minusDays(1);
        assertThat(history.daysWithHours()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from usage_hour where window_start < ?", Long.class,
                Timestamp.from(zone.startOf(rated)))).as("usage hours before the rated day").isZero();
        for (String table : List.of("charge_line", "package_day", "charge_day", "usage_day", "rated_day")) {
            for (int before = 2; before <= HISTORY_DAYS; before++) {
                LocalDate day = measured.minusDays(before);
                assertThat(HistoryRows.of(jdbc, table, day)).as("%s of day '%s'", table, day).isNotEmpty()
                        .isEqualTo(HistoryRows.of(jdbc, table, rated));
            }
        }
    }
}

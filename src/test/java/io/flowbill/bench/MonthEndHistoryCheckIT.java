package io.flowbill.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;

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

/** The bench's check of its month-end history refuses a history that is not what rating writes. */
@IntegrationTest
class MonthEndHistoryCheckIT {

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
    void checkRefusesAHistoryDayThatDiffersFromWhatRatingWrites() throws Exception {
        // given
        BillingZone zone = book.zone();
        LocalDate measured = MonthEnd.measuredDay(LocalDate.now(zone.id()), HISTORY_DAYS);
        try (Connection connection = dataSource.getConnection()) {
            RatingInput.loadContainers(connection, CONTAINERS, zone.startOf(measured.minusDays(HISTORY_DAYS)));
            MonthEnd.load(connection, rating, invoices, zone, CONTAINERS, measured, HISTORY_DAYS, HISTORY_DAYS);
        }
        LocalDate copied = measured.minusDays(HISTORY_DAYS);
        // the same rows in every table, and the month's sums still those of the daily lines: only rating it again tells
        jdbc.update("update usage_day set up_mb = up_mb + 1 where charge_date = ? and spec_id ="
                + " (select min(spec_id) from usage_day where charge_date = ?)", Date.valueOf(copied),
                Date.valueOf(copied));

        // when / then
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> HistoryCheck.require(connection, rating, monthCheck, measured, HISTORY_DAYS,
                    HISTORY_DAYS)).isInstanceOf(IllegalStateException.class).hasMessageContaining(copied.toString());
        }
    }
}

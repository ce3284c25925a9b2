package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.invoicing.FixtureFleetTest;

/**
 * A rated day is known to PostgreSQL's planner when rating ends: the export's queries over the day's lines are
 * planned for the rows the day has, not for the single row that statistics older than the day would suggest.
 */
@FixtureFleetTest
class RatingStatisticsIT {

    private static final String DAY_IN_STATISTICS = """
            select count(*) from pg_stats
             where schemaname = current_schema() and tablename = 'charge_line' and attname = 'charge_date'
               and cast(most_common_vals as text) like '%' || ? || '%'""";

    @Autowired
    RatingService rating;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ratingADayLeavesItsChargeLinesInThePlannersStatistics() throws Exception {
        new FixtureFleet(jdbc).clear().insertDay();

        RatedDay rated = rating.rate(FixtureFleet.TENANT, DAY);

        assertThat(rated.lines()).as("lines of %s", DAY).isPositive();
        assertThat(jdbc.queryForObject(DAY_IN_STATISTICS, Long.class, DAY.toString()))
                .as("pg_stats of charge_line.charge_date naming %s", DAY).isEqualTo(1);
    }
}

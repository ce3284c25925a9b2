package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static io.flowbill.invoicing.FixtureFleet.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.RatedContainer;
import io.flowbill.pricing.TenantPriceBooks;
import io.flowbill.system.IntegrationTest;

/**
 * Rating's one read of the day: the day's figures its partitions count while reading {@code usage_hour} (the
 * rollup's traffic, the report's hours, metered and not billed containers) equal the same figures summed from
 * {@code usage_hour} directly, and a partition's staging is counted once, in its own run only.
 */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.metering.tenant=" + FixtureFleet.TENANT,
    "flowbill.invoicing.chunk-size=2", "flowbill.invoicing.partitions=3" })
class DayTalliesIT {

    private static final String TRAFFIC_BY_SPEC = """
            select charge_type || '/' || spec_id || '/' || up_mb || '/' || down_mb from usage_day
             where tenant_id = ? and charge_date = ? order by 1""";
    private static final String TRAFFIC_BY_SPEC_FROM_HOURS = """
            select charge_type || '/' || spec_id || '/' || coalesce(sum(up_mb), 0) || '/' || coalesce(sum(down_mb), 0)
              from usage_hour where tenant_id = ? and window_start >= ? and window_start < ?
             group by charge_type, spec_id order by 1""";
    private static final String HOURS = """
            select window_start || '/' || up_mb || '/' || down_mb || '/' || unreadable from usage_hour_day
             where tenant_id = ? and charge_date = ? order by 1""";
    private static final String HOURS_FROM_HOURS = """
            select window_start || '/' || coalesce(sum(up_mb), 0) || '/' || coalesce(sum(down_mb), 0) || '/'
                   || count(*) filter (where up_mb is null or down_mb is null)
              from usage_hour where tenant_id = ? and window_start >= ? and window_start < ?
             group by window_start order by 1""";
    private static final String CONTAINERS = """
            select 'metered/' || metered from metered_day where tenant_id = ? and charge_date = ?
            union all select container_id || '/' || status from unbilled_day where tenant_id = ? and charge_date = ?
             order by 1""";
    private static final String CONTAINERS_FROM_HOURS = """
            with day as (select * from usage_hour where tenant_id = ? and window_start >= ? and window_start < ?)
            select 'metered/' || count(distinct container_id) from day
            union all
            select * from (select distinct on (container_id) container_id || '/' || status from day h
                            where not exists (select 1 from charge_line l where l.tenant_id = h.tenant_id
                                                 and l.charge_date = ? and l.container_id = h.container_id)
                            order by container_id, window_start desc) last_hour
             order by 1""";

    @Autowired
    RatingService rating;

    @Autowired
    DayTallies tallies;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantPriceBooks books;

    @BeforeEach
    void fixtureDay() {
        new FixtureFleet(jdbc).clear().insertDay();
        // traffic in both directions, different per container, so that each direction's sum is checked
        jdbc.update("update usage_hour set down_mb = container_id * 3 where container_id in (101, 102, 103)");
        new FixtureFleet(jdbc).trafficException(103, DAY, 7, "n/a");
        jdbc.update("update usage_hour set status = 'stopped' where container_id = 104 and window_start = ?",
                Timestamp.from(zone().startOf(DAY).plusSeconds(23 * 3600)));
        jdbc.update("delete from usage_day where charge_date = ?", Date.valueOf(DAY));
    }

    @Test
    void theDaysFiguresCountedInRatingsReadEqualTheSameFiguresSummedFromItsUsageHours() throws Exception {
        rating.rate(TENANT, DAY);

        assertThat(byDay(TRAFFIC_BY_SPEC)).as("usage_day traffic of %s", DAY).isNotEmpty()
                .isEqualTo(byHours(TRAFFIC_BY_SPEC_FROM_HOURS));
        assertThat(byDay(HOURS)).as("traffic per hour of %s", DAY).hasSize(24)
                .isEqualTo(byHours(HOURS_FROM_HOURS));
        assertThat(jdbc.queryForList(CONTAINERS, String.class, TENANT, Date.valueOf(DAY), TENANT, Date.valueOf(DAY)))
                .as("metered and unbilled containers of %s", DAY).contains("metered/5", "104/stopped")
                .isEqualTo(jdbc.queryForList(CONTAINERS_FROM_HOURS, String.class, TENANT,
                        Timestamp.from(zone().startOf(DAY)), Timestamp.from(zone().startOf(DAY.plusDays(1))),
                        Date.valueOf(DAY)));
    }

    @Test
    void aPartitionStagedAgainIsCountedOnceAndAnotherRunsStagingNotAtAll() {
        DayTally counted = tallyOfEveryContainer();

        tallies.stage(7, "ratingPartitionStep:partition0", TENANT, DAY, counted);
        tallies.stage(7, "ratingPartitionStep:partition0", TENANT, DAY, counted);
        tallies.stage(8, "ratingPartitionStep:partition0", TENANT, DAY, counted);
        tallies.publish(TENANT, DAY, 7);

        assertThat(jdbc.queryForObject("select metered from metered_day where tenant_id = ? and charge_date = ?",
                Long.class, TENANT, Date.valueOf(DAY))).as("metered containers of run 7").isEqualTo(5);
        assertThat(byDay(HOURS)).as("traffic per hour of run 7").isEqualTo(byHours(HOURS_FROM_HOURS));
    }

    /** A tally counted from the fixture's blocks as a partition of all containers would, none rated to a line. */
    private DayTally tallyOfEveryContainer() {
        DayTally tally = new DayTally();
        ContainerRange all = ContainerRange.ALL;
        jdbc.query(connection -> {
            connection.setAutoCommit(false);
            PreparedStatement statement = connection.prepareStatement(UsageBlockRows.byContainer(all));
            UsageBlockRows.parameters(books.of(TENANT).book(), TENANT, zone().startOf(DAY),
                    zone().startOf(DAY.plusDays(1)), all, "64MB").setValues(statement);
            return statement;
        }, rs -> {
            if (rs.getInt(16) == 0) {
                tally.block(rs);
            } else {
                tally.hour(rs);
            }
        });
        tally.endOfContainer();
        for (int container = 0; container < 5; container++) {
            tally.rated(new RatedContainer(List.of(), List.of()));
        }
        return tally;
    }

    private List<String> byDay(String sql) {
        return jdbc.queryForList(sql, String.class, TENANT, Date.valueOf(DAY));
    }

    private List<String> byHours(String sql) {
        return jdbc.queryForList(sql, String.class, TENANT, Timestamp.from(zone().startOf(DAY)),
                Timestamp.from(zone().startOf(DAY.plusDays(1))));
    }

    private BillingZone zone() {
        return books.book().zone();
    }
}

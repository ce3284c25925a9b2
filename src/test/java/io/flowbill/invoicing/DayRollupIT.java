package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.system.IntegrationTest;

/** Rating keeps the daily rollup the dashboards read equal to the day's charge lines and usage hours. */
@IntegrationTest(properties = { "flowbill.pricing.price-book=" + FixtureFleet.PRICE_BOOK,
    "flowbill.metering.tenant=" + FixtureFleet.TENANT,
    "flowbill.invoicing.chunk-size=2", "flowbill.invoicing.partitions=1" })
class DayRollupIT {

    private static final String CHARGES_FROM_LINES = """
            select tenant_id || '/' || item || '/' || charge_type || '/' || spec_id || '/' || currency,
                   sum(amount) from charge_line where charge_date = ? group by 1 order by 1""";
    private static final String CHARGES_FROM_ROLLUP = """
            select tenant_id || '/' || item || '/' || charge_type || '/' || spec_id || '/' || currency,
                   amount from charge_day where charge_date = ? order by 1""";

    @Autowired
    RatingService rating;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fixtureDay() {
        new FixtureFleet(jdbc).clear().insertDay();
    }

    @Test
    void aRatedDaysRollupHoldsItsChargesContainersAndTrafficPerChargeTypeAndSpec() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);

        // container 101, on demand spec 20: 12 h at 0.200 on each side of the noon version change = 2.40 + 2.40
        assertThat(row("select amount, lines from charge_day where item = 'compute' and charge_type = 2"
                + " and spec_id = 20 and charge_date = ?")).as("compute of spec 20 on %s", DAY)
                .satisfies(r -> assertThat((BigDecimal) r.get("amount")).isEqualByComparingTo("4.80"))
                .containsEntry("lines", 2);
        // container 102, on demand spec 10: 800 MB out in 23 readable hours (05:00 is an exception) = 18400 MB
        assertThat(row("select containers, up_mb from usage_day where charge_type = 2 and spec_id = 10"
                + " and charge_date = ?")).as("usage of on-demand spec 10 on %s", DAY)
                .containsEntry("containers", 1)
                .satisfies(r -> assertThat((BigDecimal) r.get("up_mb")).isEqualByComparingTo("18400"));
        // container 103, package spec 10: 512 MB out in each of 24 hours = 12288 MB
        assertThat(row("select containers, up_mb from usage_day where charge_type = 1 and spec_id = 10"
                + " and charge_date = ?")).as("usage of package spec 10 on %s", DAY)
                .containsEntry("containers", 1)
                .satisfies(r -> assertThat((BigDecimal) r.get("up_mb")).isEqualByComparingTo("12288"));
        assertThat(byKey(CHARGES_FROM_ROLLUP)).as("charge_day of %s", DAY).isNotEmpty()
                .isEqualTo(byKey(CHARGES_FROM_LINES));
    }

    @Test
    void ratingTheSameUsageAgainChangesNoRollupRowAndChangedUsageReplacesThem() throws Exception {
        rating.rate(FixtureFleet.TENANT, DAY);
        List<Map<String, Object>> before = versions();

        rating.rate(FixtureFleet.TENANT, DAY);

        assertThat(versions()).as("row versions (xmin) of the rollup after rating the same usage again")
                .isEqualTo(before);

        jdbc.update("delete from usage_hour where container_id = 102");
        rating.rate(FixtureFleet.TENANT, DAY);

        assertThat(byKey(CHARGES_FROM_ROLLUP)).as("charge_day of %s once 102's usage is gone", DAY)
                .isEqualTo(byKey(CHARGES_FROM_LINES))
                .noneSatisfy((key, amount) -> assertThat(key).contains("/traffic_out/"));
        assertThat(jdbc.queryForObject("select count(*) from usage_day where charge_type = 2 and spec_id = 10"
                + " and charge_date = ?", Integer.class, Date.valueOf(DAY))).as("usage_day of on-demand spec 10")
                .isZero();
    }

    private Map<String, Object> row(String sql) {
        return jdbc.queryForMap(sql, Date.valueOf(DAY));
    }

    private Map<String, BigDecimal> byKey(String sql) {
        Map<String, BigDecimal> values = new java.util.TreeMap<>();
        jdbc.query(sql, rs -> {
            values.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros());
        }, Date.valueOf(DAY));
        return values;
    }

    private List<Map<String, Object>> versions() {
        return jdbc.queryForList("""
                select 'charge' as t, item as k, charge_type, spec_id, xmin::text as v from charge_day
                union all select 'usage', '', charge_type, spec_id, xmin::text from usage_day order by 1, 2, 3, 4""");
    }
}

package io.flowbill.invoicing;

import static io.flowbill.invoicing.FixtureFleet.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.system.IntegrationTest;

/**
 * The package overage through ratingJob and the invoice refresh, with the allowance of spec 10 cut from 100 GB to
 * 10 GB (and the overage price raised from 0.79 to 1.00) at 12:30 on 2026-11-30 ({@code allowance-cut-book.yaml}).
 * November has 720 hours; on the 30th the hours from 00:00 to 12:00 are priced by the noon version of the 25th
 * ("noon") and those from 13:00 to 23:00 by the cut.
 * <ul>
 * <li>301: package on the 29th and 30th, 40 MB out each hour. noon: 37 hours, 1480 MB = 1.4453125 GB against
 * 100 x 37 / 720 = 5.138888889 GB; cut: 11 hours, 440 MB = 0.4296875 GB against 10 x 11 / 720 = 0.152777778 GB.
 * The month: 1.875 GB out, 5.291666667 GB allowed: no overage (the cut's version for all 48 hours would allow
 * 10 x 48 / 720 = 0.666666667 GB and bill 1.208333333 GB x 1.00 = 1.21).</li>
 * <li>302: package on the 30th from 09:00: 4 noon hours at 4608 MB out (18 GB), 11 cut hours at 102.4 MB (1.1 GB).
 * noon: 18 - 100 x 4 / 720 = 17.444444444 GB x 0.79 = 13.78; cut: 1.1 - 0.152777778 = 0.947222222 GB x 1.00 =
 * 0.95 (the cut's version alone: 19.1 - 10 x 15 / 720 = 18.891666667 GB x 1.00 = 18.89).</li>
 * </ul>
 */
@IntegrationTest(properties = { "flowbill.pricing.price-book=classpath:pricing/allowance-cut-book.yaml", "flowbill.metering.tenant=" + FixtureFleet.TENANT })
class PackageOverageIT {

    static final LocalDate NOV_29 = LocalDate.of(2026, 11, 29);
    static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);
    static final String NOON = "fixture-2026-11-25-noon";
    static final String CUT = "fixture-2026-11-30-cut";

    @Autowired
    RatingService rating;

    @Autowired
    InvoiceService invoices;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MonthSums sums;

    @BeforeEach
    void lastTwoDaysRated() throws Exception {
        FixtureFleet fleet = new FixtureFleet(jdbc).clear();
        fleet.container(301, "whole").packaged(10).traffic("40").hours(NOV_29, 0, 24).insert();
        fleet.container(301, "whole").packaged(10).traffic("40").hours(NOV_30, 0, 24).insert();
        fleet.container(302, "late").packaged(10).traffic("4608").hours(NOV_30, 9, 13).insert();
        fleet.container(302, "late").packaged(10).traffic("102.4").hours(NOV_30, 13, 24).insert();
        rating.rate(FixtureFleet.TENANT, NOV_29);
        rating.rate(FixtureFleet.TENANT, NOV_30);
    }

    @Test
    void accruesTheAllowanceHourByHourAndPricesEachVersionsExcessByIt() {
        List.of(invoices.refreshFor(FixtureFleet.TENANT, NOV_30));

        assertThat(overage(301)).as("overage lines of container 301").isEmpty();
        assertThat(overage(302)).as("overage lines of container 302").containsExactly(
                NOON + " 17.444444444 0.79 13.78", CUT + " 0.947222222 1.00 0.95");
    }

    @Test
    void recordsEachDaysPackageUsagePerPriceVersion() {
        List<String> days = jdbc.queryForList("""
                select container_id || ' ' || price_version || ' ' || package_seconds || ' ' || outbound_mb
                  from package_day where charge_date = ? order by container_id, package_seconds desc
                """, String.class, Date.valueOf(NOV_30));

        assertThat(days).as("package days of %s", NOV_30).containsExactly(
                "301 " + NOON + " 46800 520", "301 " + CUT + " 39600 440",
                "302 " + CUT + " 39600 1126.4", "302 " + NOON + " 14400 18432");
    }

    @Test
    void countsADayRatedBeforeVersionsWereRecordedWhenNoVersionTakesEffectWithinIt() {
        jdbc.update("update package_day set price_version = null where charge_date = ?", Date.valueOf(NOV_29));

        List.of(invoices.refreshFor(FixtureFleet.TENANT, NOV_30));

        assertThat(overage(301)).as("overage lines of container 301").isEmpty();
        assertThat(overage(302)).as("overage lines of container 302").hasSize(2);
    }

    @Test
    void refusesADayRatedBeforeVersionsWereRecordedWithAVersionChangeInsideUntilItIsRatedAgain() throws Exception {
        // given: the 30th as an earlier flowbill stored it, one row per container and spec without a version
        jdbc.update("""
                insert into package_day (tenant_id, charge_date, container_id, spec_id, package_seconds, outbound_mb,
                  run_id)
                select tenant_id, charge_date, container_id, spec_id, sum(package_seconds), sum(outbound_mb), 1
                  from package_day where charge_date = ? group by tenant_id, charge_date, container_id, spec_id
                """, Date.valueOf(NOV_30));
        jdbc.update("delete from package_day where charge_date = ? and price_version is not null", Date.valueOf(NOV_30));
        sums.rebuild(FixtureFleet.TENANT, YearMonth.from(NOV_30));

        // then: the refresh names the day
        assertThatThrownBy(() -> List.of(invoices.refreshFor(FixtureFleet.TENANT, NOV_30))).hasMessageContaining("package days of 2026-11-30")
                .hasMessageContaining("rate those days again");

        // and when: the day is rated again, its rows are per version and the overage is the one above
        rating.rate(FixtureFleet.TENANT, NOV_30);
        List.of(invoices.refreshFor(FixtureFleet.TENANT, NOV_30));
        assertThat(overage(302)).as("overage lines of container 302").containsExactly(
                NOON + " 17.444444444 0.79 13.78", CUT + " 0.947222222 1.00 0.95");
    }

    @Test
    void keepsEveryOverageLineToItsAmountEquation() {
        List.of(invoices.refreshFor(FixtureFleet.TENANT, NOV_30));

        BigDecimal broken = jdbc.queryForObject("select count(*) from month_charge_line"
                + " where amount <> round(quantity * unit_price, 2)", BigDecimal.class);
        assertThat(broken).as("month lines whose amount is not round(quantity x unit price, 2)").isZero();
    }

    private List<String> overage(long containerId) {
        return jdbc.queryForList("""
                select price_version || ' ' || quantity || ' ' || unit_price || ' ' || amount from month_charge_line
                 where tenant_id = ? and container_id = ? and item = 'package_overage'
                 order by price_version <> ?, price_version
                """, String.class, TENANT, containerId, NOON);
    }
}

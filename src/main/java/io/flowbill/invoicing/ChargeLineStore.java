package io.flowbill.invoicing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.ChargeLine;
import io.flowbill.pricing.PackageDay;
import io.flowbill.pricing.TenantPriceBooks;
import io.flowbill.pricing.UnrateableDay;
import io.flowbill.system.CopyIn;

/**
 * The daily charge lines and package days, and the container days rating could not price (as metering exceptions of
 * kind {@code unrateable_day}, where the exception export and the day's figures find them). A rating run stages a
 * day's rows, then {@link #publish} replaces the day's rows with them in one transaction, and only when they differ,
 * so rating the same usage again changes no row. Every method works on one tenant's day: another tenant's rows stay.
 */
@Repository
class ChargeLineStore {

    private static final String LINE_COLUMNS = """
            tenant_id, charge_date, container_id, item, tier, charge_type, spec_id, price_version, quantity, unit,
            unit_price, amount, currency""";

    private static final String COMPARED = """
            tenant_id, container_id, item, tier, charge_type, spec_id, price_version, quantity, unit, unit_price,
            amount, currency""";

    /** The kind of a container day that rating could not price, among the metering exceptions. */
    static final String UNRATEABLE_DAY = "unrateable_day";

    private static final String PACKAGE_COLUMNS = """
            tenant_id, charge_date, container_id, spec_id, price_version, package_seconds, outbound_mb""";

    private static final String PACKAGE_COMPARED = """
            tenant_id, container_id, spec_id, price_version, package_seconds, outbound_mb""";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final BillingZone zone;
    private final DayRollup rollup;
    private final MonthSums sums;
    private final DayTallies tallies;

    ChargeLineStore(JdbcTemplate jdbc, DataSource dataSource, TenantPriceBooks books, DayRollup rollup,
            MonthSums sums, DayTallies tallies) {
        this.jdbc = jdbc;
        this.tallies = tallies;
        this.sums = sums;
        this.dataSource = dataSource;
        this.zone = books.book().zone();
        this.rollup = rollup;
    }

    /** Forgets what an earlier, unfinished run of the tenant's day staged (other tenants' staged rows stay). */
    void resetStaged(String tenant, LocalDate date) {
        for (String table : List.of("charge_line_staged", "package_day_staged", "unrateable_day_staged")) {
            jdbc.update("delete from " + table + " where tenant_id = ? and charge_date = ?", tenant, Date.valueOf(date));
        }
        tallies.reset(tenant, date);
    }

    /**
     * Adds lines and package days to the day's staged ones, each in one {@code COPY} on the transaction's
     * connection, and the container days that could not be rated (rare: a batch insert).
     */
    void stage(List<ChargeLine> lines, List<PackageDay> packageDays, List<UnrateableDay> unrateable) {
        jdbc.batchUpdate("""
                insert into unrateable_day_staged (tenant_id, charge_date, container_id, day_start, first_hour, message)
                values (?, ?, ?, ?, ?, ?)
                """, unrateable, 100, (ps, day) -> {
            ps.setString(1, day.tenant());
            ps.setDate(2, Date.valueOf(day.date()));
            ps.setLong(3, day.containerId());
            ps.setTimestamp(4, Timestamp.from(day.dayStart()));
            ps.setTimestamp(5, Timestamp.from(day.hour()));
            ps.setString(6, day.reason());
        });
        CopyIn copy = new CopyIn("charge_line_staged (" + LINE_COLUMNS + ")");
        for (ChargeLine line : lines) {
            copy.row(line.tenant(), line.date(), line.containerId(), line.item().code(),
                    line.tier() == null ? 0 : line.tier(), line.chargeType().code(), line.specId(), line.priceVersion(),
                    line.quantity(), line.unit(), line.unitPrice(), line.amount(), line.currency().getCurrencyCode());
        }
        copy.send(dataSource);
        if (!packageDays.isEmpty()) {
            CopyIn days = new CopyIn("package_day_staged (" + PACKAGE_COLUMNS + ")");
            for (PackageDay day : packageDays) {
                days.row(day.tenant(), day.date(), day.containerId(), day.specId(), day.priceVersion(),
                        day.packageSeconds(), day.outboundMb());
            }
            days.send(dataSource);
        }
    }

    /**
     * Makes the staged lines and package days the day's (call in one transaction): when either differ from the
     * stored ones, the day's rows are deleted and the staged ones inserted with {@code runId}, and the day is marked
     * changed by that run, the month's running sums take the day's delta ({@link MonthSums#addDelta}) and the
     * tenant's change count moves; closed months whose day was rated again are noted for adjustment; the day's rollup
     * ({@link DayRollup}) is refreshed and the partitions' {@link DayTallies} of the run {@code runInstance} (the job
     * instance) become the day's figures. Returns whether the day's rows changed.
     *
     * @throws EmptyRatingException when nothing is staged for a day that has billable usage
     */
    boolean publish(String tenant, LocalDate date, long runId, long runInstance) {
        Date day = Date.valueOf(date);
        requireStagedRows(tenant, date);
        boolean changed = replaceWhenDifferent("charge_line", LINE_COLUMNS, COMPARED, tenant, day, runId);
        changed |= replaceWhenDifferent("package_day", PACKAGE_COLUMNS, PACKAGE_COMPARED, tenant, day, runId);
        if (changed) {
            sums.changed(tenant);
        }
        jdbc.update("""
                insert into rated_day (tenant_id, charge_date, run_id, lines, changed_at, package_days)
                values (?, ?, ?, (select count(*) from charge_line where tenant_id = ? and charge_date = ?), now(), true)
                on conflict (tenant_id, charge_date) do update
                  set run_id = excluded.run_id, lines = excluded.lines, changed_at = excluded.changed_at,
                      package_days = true
                  where ? or not rated_day.package_days
                """, tenant, day, runId, tenant, day, changed);
        jdbc.update("""
                insert into closed_month_rerated (tenant_id, billing_month, first_rerated_at)
                select tenant_id, billing_month, now() from invoice
                 where tenant_id = ? and status = 'FINAL' and billing_month = ?
                on conflict do nothing
                """, tenant, Date.valueOf(YearMonth.from(date).atDay(1)));
        publishUnrateable(tenant, day, runId);
        rollup.refresh(tenant, date, runInstance);
        tallies.publish(tenant, date, runInstance);
        resetStaged(tenant, date);
        if (changed) {
            refreshStatistics();
        }
        return changed;
    }

    /**
     * A day with billable usage is never published without rows: every billable container hour rates to a charge
     * line, a package day or an unrateable day, so nothing staged means the rating lost its work (issue 22).
     */
    private void requireStagedRows(String tenant, LocalDate date) {
        Date day = Date.valueOf(date);
        Boolean staged = jdbc.queryForObject("""
                select exists (select 1 from charge_line_staged where tenant_id = ? and charge_date = ?)
                    or exists (select 1 from package_day_staged where tenant_id = ? and charge_date = ?)
                    or exists (select 1 from unrateable_day_staged where tenant_id = ? and charge_date = ?)
                """, Boolean.class, tenant, day, tenant, day, tenant, day);
        if (Boolean.TRUE.equals(staged)) {
            return;
        }
        Long billable = jdbc.queryForObject("""
                select count(*) from usage_hour
                 where tenant_id = ? and window_start >= ? and window_start < ? and billable and active_seconds > 0
                """, Long.class, tenant, Timestamp.from(zone.startOf(date)),
                Timestamp.from(zone.startOf(date.plusDays(1))));
        if (billable != null && billable > 0) {
            throw new EmptyRatingException(tenant, date, billable);
        }
    }

    /**
     * Lets the planner see the day just published. A day's lines are a new {@code charge_date} value, which
     * statistics gathered before it know nothing of; PostgreSQL then estimates one row for the day, and the export's
     * queries that join the day's lines to its usage chose a nested loop over them: 4 to 11 s instead of 0.3 s for the
     * unbilled containers of 10,000 at a month's end (docs/performance-profile.md). Autovacuum would analyze the table
     * only once a tenth of it changed, every few days at a month's end. {@code ANALYZE} reads a sample of a fixed
     * size, so its cost does not grow with the table; in the publish transaction it counts the day's new rows.
     */
    private void refreshStatistics() {
        jdbc.execute("analyze charge_line (tenant_id, charge_date, container_id)");
    }

    /**
     * The day's container days that could not be rated become (or stay) unresolved {@code unrateable_day}
     * exceptions, at the day's start; the day's earlier ones that rated this time are resolved. A row whose
     * message did not change is left untouched.
     */
    private void publishUnrateable(String tenant, Date day, long runId) {
        jdbc.update("""
                insert into metering_exception (tenant_id, container_id, window_start, kind, raw_value, message, run_id)
                select tenant_id, container_id, day_start, ?, to_char(first_hour at time zone 'UTC',
                       'YYYY-MM-DD"T"HH24:MI:SS"Z"'), left(message, 2000), ?
                  from unrateable_day_staged where tenant_id = ? and charge_date = ?
                on conflict (tenant_id, container_id, window_start, kind) do update
                  set raw_value = excluded.raw_value, message = excluded.message, run_id = excluded.run_id,
                      resolved = false
                  where metering_exception.resolved or metering_exception.raw_value is distinct from excluded.raw_value
                     or metering_exception.message is distinct from excluded.message
                """, UNRATEABLE_DAY, runId, tenant, day);
        jdbc.update("""
                update metering_exception e set resolved = true
                 where e.tenant_id = ? and e.kind = ? and not e.resolved and e.window_start = ?
                   and not exists (select 1 from unrateable_day_staged s where s.charge_date = ?
                                    and s.tenant_id = e.tenant_id and s.container_id = e.container_id)
                """, tenant, UNRATEABLE_DAY, Timestamp.from(zone.startOf(day.toLocalDate())), day);
    }

    /**
     * Replaces the tenant's day's rows of {@code table} with the staged ones when they differ, their difference added
     * to the month's sums first; returns whether they did.
     */
    private boolean replaceWhenDifferent(String table, String columns, String compared, String tenant, Date day,
            long runId) {
        String staged = table + "_staged";
        String where = " where tenant_id = ? and charge_date = ?";
        // a day without rows differs when anything is staged; only a day with rows needs the row-by-row comparison
        Boolean differs = jdbc.queryForObject("select case when not exists (select 1 from " + table + where
                + ") then exists (select 1 from " + staged + where + ")"
                + " else exists ((select " + compared + " from " + table + where
                + " except all select " + compared + " from " + staged + where + ")"
                + " union all (select " + compared + " from " + staged + where
                + " except all select " + compared + " from " + table + where + ")) end",
                Boolean.class, tenant, day, tenant, day, tenant, day, tenant, day, tenant, day, tenant, day);
        if (!Boolean.TRUE.equals(differs)) {
            return false;
        }
        sums.addDelta(table, tenant, day.toLocalDate());
        jdbc.update("delete from " + table + where, tenant, day);
        jdbc.update("insert into " + table + " (" + columns + ", run_id) select " + columns + ", ? from " + staged
                + where, runId, tenant, day);
        return true;
    }

    /** The day's stored lines and whether the run {@code runId} changed them. */
    RatedDay ratedDay(String tenant, LocalDate date, long runId) {
        return jdbc.queryForObject("select lines, run_id = ? from rated_day where tenant_id = ? and charge_date = ?",
                (rs, row) -> new RatedDay(tenant, date, runId, rs.getInt(1), rs.getBoolean(2)), runId, tenant,
                Date.valueOf(date));
    }
}

package io.flowbill.invoicing;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.flowbill.pricing.ChargeLine;

/**
 * The daily charge lines. A rating run stages a day's lines, then {@link #publish} replaces the day's lines with
 * them in one transaction, and only when they differ, so rating the same usage again changes no row.
 */
@Repository
class ChargeLineStore {

    private static final String LINE_COLUMNS = """
            tenant_id, charge_date, container_id, item, tier, charge_type, spec_id, price_version, quantity, unit,
            unit_price, amount, currency""";

    private static final String COMPARED = """
            tenant_id, container_id, item, tier, charge_type, spec_id, price_version, quantity, unit, unit_price,
            amount, currency""";

    private final JdbcTemplate jdbc;

    ChargeLineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets what an earlier, unfinished run of the day staged. */
    void resetStaged(LocalDate date) {
        jdbc.update("delete from charge_line_staged where charge_date = ?", Date.valueOf(date));
    }

    void stage(List<? extends ChargeLine> lines) {
        jdbc.batchUpdate("insert into charge_line_staged (" + LINE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                lines, 1000, (ps, line) -> {
                    ps.setString(1, line.tenant());
                    ps.setDate(2, Date.valueOf(line.date()));
                    ps.setLong(3, line.containerId());
                    ps.setString(4, line.item().code());
                    ps.setInt(5, line.tier() == null ? 0 : line.tier());
                    ps.setInt(6, line.chargeType().code());
                    ps.setInt(7, line.specId());
                    ps.setString(8, line.priceVersion());
                    ps.setBigDecimal(9, line.quantity());
                    ps.setString(10, line.unit());
                    ps.setBigDecimal(11, line.unitPrice());
                    ps.setBigDecimal(12, line.amount());
                    ps.setString(13, line.currency().getCurrencyCode());
                });
    }

    /**
     * Makes the staged lines the day's lines (call in one transaction): when they differ from the stored ones, the
     * day's lines are deleted and the staged ones inserted with {@code runId}, and the day is marked changed by that
     * run; closed months whose day was rated again are noted for adjustment. Returns whether the lines changed.
     */
    boolean publish(LocalDate date, long runId) {
        Date day = Date.valueOf(date);
        Boolean differs = jdbc.queryForObject("select exists ((select " + COMPARED + " from charge_line where charge_date = ?"
                + " except all select " + COMPARED + " from charge_line_staged where charge_date = ?)"
                + " union all (select " + COMPARED + " from charge_line_staged where charge_date = ?"
                + " except all select " + COMPARED + " from charge_line where charge_date = ?))",
                Boolean.class, day, day, day, day);
        boolean changed = Boolean.TRUE.equals(differs);
        if (changed) {
            jdbc.update("delete from charge_line where charge_date = ?", day);
            jdbc.update("insert into charge_line (" + LINE_COLUMNS + ", run_id) select " + LINE_COLUMNS
                    + ", ? from charge_line_staged where charge_date = ?", runId, day);
        }
        jdbc.update("""
                insert into rated_day (charge_date, run_id, lines, changed_at)
                values (?, ?, (select count(*) from charge_line where charge_date = ?), now())
                on conflict (charge_date) do update
                  set run_id = excluded.run_id, lines = excluded.lines, changed_at = excluded.changed_at
                  where ?
                """, day, runId, day, changed);
        jdbc.update("""
                insert into closed_month_rerated (tenant_id, billing_month, first_rerated_at)
                select tenant_id, billing_month, now() from invoice where status = 'FINAL' and billing_month = ?
                on conflict do nothing
                """, Date.valueOf(YearMonth.from(date).atDay(1)));
        resetStaged(date);
        return changed;
    }

    /** The day's stored lines and whether the run {@code runId} changed them. */
    RatedDay ratedDay(LocalDate date, long runId) {
        return jdbc.queryForObject("select lines, run_id = ? from rated_day where charge_date = ?",
                (rs, row) -> new RatedDay(date, runId, rs.getInt(1), rs.getBoolean(2)), runId, Date.valueOf(date));
    }
}

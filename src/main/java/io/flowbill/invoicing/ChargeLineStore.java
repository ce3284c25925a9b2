package io.flowbill.invoicing;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.flowbill.pricing.ChargeLine;
import io.flowbill.system.CopyIn;

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
    private final DataSource dataSource;

    ChargeLineStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Forgets what an earlier, unfinished run of the day staged. */
    void resetStaged(LocalDate date) {
        jdbc.update("delete from charge_line_staged where charge_date = ?", Date.valueOf(date));
    }

    /** Adds lines to the day's staged ones, in one {@code COPY} on the transaction's connection. */
    void stage(List<? extends ChargeLine> lines) {
        CopyIn copy = new CopyIn("charge_line_staged (" + LINE_COLUMNS + ")");
        for (ChargeLine line : lines) {
            copy.text(line.tenant()).value(line.date()).value(line.containerId()).text(line.item().code())
                    .value(line.tier() == null ? 0 : line.tier()).value(line.chargeType().code())
                    .value(line.specId()).text(line.priceVersion()).value(line.quantity()).text(line.unit())
                    .value(line.unitPrice()).value(line.amount()).text(line.currency().getCurrencyCode()).endRow();
        }
        copy.send(dataSource);
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

package io.flowbill.bench;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** A history day's rows as text, to compare days and ratings of a day. */
final class HistoryRows {

    private HistoryRows() {
    }

    /** The day's rows of {@code table} but their run and date, in a stable order. */
    static List<String> of(JdbcTemplate jdbc, String table, LocalDate day) {
        return jdbc.queryForList("select (to_jsonb(t) - 'run_id' - 'id' - 'charge_date')::text from " + table
                + " t where charge_date = ? order by 1", String.class, Date.valueOf(day));
    }

    /** The day's rollup rows ({@code charge_day}, {@code usage_day}), whole, in a stable order. */
    static List<String> rollups(JdbcTemplate jdbc, LocalDate day) {
        return jdbc.queryForList("select to_jsonb(t)::text from (select * from charge_day where charge_date = ?) t"
                + " union all select to_jsonb(u)::text from (select * from usage_day where charge_date = ?) u"
                + " order by 1", String.class, Date.valueOf(day), Date.valueOf(day));
    }
}

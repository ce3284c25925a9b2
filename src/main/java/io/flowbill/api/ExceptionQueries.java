package io.flowbill.api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A tenant's metering exceptions, oldest first, a page at a time by their key. */
@Component
public class ExceptionQueries {

    static final String EXCEPTIONS = "exceptions";

    private final JdbcTemplate jdbc;

    ExceptionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the tenant's exceptions, all or only the (un)resolved ones. */
    public Page<ExceptionItem> list(String tenant, Boolean resolved, String after, int limit) {
        Cursor.Key key = Cursor.decode(EXCEPTIONS, after, 1);
        StringBuilder sql = new StringBuilder("""
                select id, container_id, window_start, kind, raw_value, message, resolved, created_at
                  from metering_exception where tenant_id = ?""");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (resolved != null) {
            sql.append(" and resolved = ?");
            args.add(resolved);
        }
        if (key != null) {
            sql.append(" and id > ?");
            args.add(key.number(0));
        }
        sql.append(" order by id limit ?");
        args.add(limit + 1);
        List<Page.Keyed<ExceptionItem>> rows = jdbc.query(sql.toString(), (rs, row) -> new Page.Keyed<>(
                new ExceptionItem(rs.getLong("id"), rs.getLong("container_id"),
                        rs.getTimestamp("window_start").toInstant(), rs.getString("kind"), rs.getString("raw_value"),
                        rs.getString("message"), rs.getBoolean("resolved"), rs.getTimestamp("created_at").toInstant()),
                Cursor.encode(EXCEPTIONS, rs.getLong("id"))), args.toArray());
        return Page.of(rows, limit);
    }
}

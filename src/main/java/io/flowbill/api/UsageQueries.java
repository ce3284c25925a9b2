package io.flowbill.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.flowbill.export.ContainerNames;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;

/**
 * A tenant's metered usage per container and hour or day, a page at a time by container and period: the keyset
 * follows index usage_hour_once (tenant, container, hour), so a page reads only its own hours.
 */
@Component
public class UsageQueries {

    static final String USAGE = "usage";

    private static final String HOURS = """
            select container_id, window_start as period_start, 1 as hours,
                   case when billable then 1 else 0 end as billable_hours, active_seconds, up_mb, down_mb,
                   case when up_mb is null or down_mb is null then 1 else 0 end as unreadable_hours
              from usage_hour
             where tenant_id = ? and window_start >= ? and window_start < ? %s
             order by container_id, window_start
             limit ?
            """;

    private static final String DAYS = """
            select container_id, day, count(*) as hours, count(*) filter (where billable) as billable_hours,
                   sum(active_seconds) as active_seconds, coalesce(sum(up_mb), 0) as up_mb,
                   coalesce(sum(down_mb), 0) as down_mb,
                   count(*) filter (where up_mb is null or down_mb is null) as unreadable_hours
              from (select container_id, (window_start at time zone ?)::date as day, billable, active_seconds, up_mb,
                           down_mb
                      from usage_hour
                     where tenant_id = ? and window_start >= ? and window_start < ? %s) h
             group by container_id, day
             order by container_id, day
             limit ?
            """;

    private final JdbcTemplate jdbc;
    private final BillingZone zone;

    UsageQueries(JdbcTemplate jdbc, PriceBook book) {
        this.jdbc = jdbc;
        this.zone = book.zone();
    }

    /** A page of usage from the start of day {@code from} to the end of day {@code to}, optionally of one container. */
    public Page<UsageItem> of(String tenant, LocalDate from, LocalDate to, Granularity granularity, Long container,
            String after, int limit) {
        Cursor.Key key = Cursor.decode(USAGE + "-" + granularity, after, 2);
        List<Object> args = new ArrayList<>();
        if (granularity == Granularity.DAY) {
            args.add(zone.id().getId());
        }
        args.addAll(List.of(tenant, Timestamp.from(zone.startOf(from)), Timestamp.from(zone.startOf(to.plusDays(1)))));
        StringBuilder where = new StringBuilder();
        if (container != null) {
            where.append(" and container_id = ?");
            args.add(container);
        }
        if (key != null) {
            if (granularity == Granularity.DAY) {
                // the hours from the day after the cursor's, the cursor's container first
                where.append(" and (container_id, window_start) >= (?, ?)");
                args.addAll(List.of(key.number(0), Timestamp.from(zone.startOf(key.date(1).plusDays(1)))));
            }
            else {
                where.append(" and (container_id, window_start) > (?, ?)");
                args.addAll(List.of(key.number(0), Timestamp.from(key.instant(1))));
            }
        }
        args.add(limit + 1);
        String cursorList = USAGE + "-" + granularity;
        List<Page.Keyed<UsageItem>> rows = granularity == Granularity.DAY
                ? jdbc.query(DAYS.formatted(where), (rs, row) -> {
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    return new Page.Keyed<>(item(rs, zone.startOf(day)),
                            Cursor.encode(cursorList, rs.getLong("container_id"), day));
                }, args.toArray())
                : jdbc.query(HOURS.formatted(where), (rs, row) -> {
                    Instant hour = rs.getTimestamp("period_start").toInstant();
                    return new Page.Keyed<>(item(rs, hour),
                            Cursor.encode(cursorList, rs.getLong("container_id"), hour));
                }, args.toArray());
        return Page.of(rows, limit);
    }

    /**
     * The name of each of the tenant's {@code containers} as of the end of {@code day} in the billing zone, by the
     * export's rule ({@link ContainerNames}); a container without a name is absent.
     */
    public Map<Long, String> namesAtEndOf(String tenant, LocalDate day, Collection<Long> containers) {
        Map<Long, String> names = new HashMap<>();
        if (containers.isEmpty()) {
            return names;
        }
        jdbc.query("""
                select c.container_id, coalesce(v.name, c.name) as name
                  from container c
                  left join lateral (""" + ContainerNames.inForceBefore("c.tenant_id", "c.container_id") + """
                    ) v on true
                 where c.tenant_id = ? and c.container_id = any (?)
                """, rs -> {
                    if (rs.getString("name") != null) {
                        names.put(rs.getLong("container_id"), rs.getString("name"));
                    }
                }, Timestamp.from(zone.startOf(day.plusDays(1))), tenant, containers.toArray(Long[]::new));
        return names;
    }

    private static UsageItem item(java.sql.ResultSet rs, Instant periodStart) throws java.sql.SQLException {
        return new UsageItem(rs.getLong("container_id"), periodStart, rs.getLong("hours"),
                rs.getLong("billable_hours"), rs.getLong("active_seconds"), Decimals.plain(rs.getBigDecimal("up_mb")),
                Decimals.plain(rs.getBigDecimal("down_mb")), rs.getLong("unreadable_hours"));
    }
}

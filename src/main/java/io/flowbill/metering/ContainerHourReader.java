package io.flowbill.metering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;

/**
 * Reads the (container, window) pairs of a range that still need metering, in (container, window) order,
 * a page at a time. Pairs that already have a usage row are skipped (unless refreshing), so a rerun or a
 * restart after a crash picks up exactly the pairs not yet written: progress lives in the data, not in a
 * reader position.
 */
final class ContainerHourReader {

    private static final String PAIRS = """
            (select c.container_id, c.name, c.created_at,
                    case when c.gone_at is not null then c.last_seen_at end as life_end,
                    w.window_start, (extract(epoch from w.window_start))::bigint as window_epoch,
                    v.status, v.charge_type, v.spec_id, v.use_public_network, v.network_charge_type, v.bandwidth,
                    v.first_observed_at
               from container c
               cross join generate_series(cast(:from as timestamptz), cast(:last as timestamptz), interval '1 hour') w(window_start)
               join lateral (
                 select * from container_version v
                  where v.tenant_id = c.tenant_id and v.container_id = c.container_id
                  order by (v.valid_from <= greatest(w.window_start, c.created_at)) desc,
                           case when v.valid_from <= greatest(w.window_start, c.created_at) then v.valid_from end desc,
                           v.valid_from
                  limit 1) v on true
              where c.tenant_id = :tenant
                and c.created_at < w.window_start + interval '1 hour'
                and (c.gone_at is null or c.last_seen_at > w.window_start)
                %s
            ) pairs
            """;

    private static final String NOT_YET_METERED = """
            and not exists (select 1 from usage_hour u where u.tenant_id = c.tenant_id
                            and u.container_id = c.container_id and u.window_start = w.window_start)
            """;

    private ContainerHourReader() {
    }

    static JdbcPagingItemReader<ContainerHour> build(DataSource dataSource, String tenant, MeteringRange range,
            boolean refresh, int pageSize) throws Exception {
        return new JdbcPagingItemReaderBuilder<ContainerHour>()
                .name("containerHourReader")
                .dataSource(dataSource)
                .selectClause("select *")
                .fromClause(PAIRS.formatted(refresh ? "" : NOT_YET_METERED))
                .sortKeys(Map.of("container_id", Order.ASCENDING, "window_epoch", Order.ASCENDING))
                .parameterValues(Map.of("tenant", tenant,
                        "from", Timestamp.from(range.from()),
                        "last", Timestamp.from(range.to().minus(UsageWindow.LENGTH))))
                .pageSize(pageSize)
                .saveState(false)
                .rowMapper(ContainerHourReader::map)
                .build();
    }

    private static ContainerHour map(ResultSet rs, int row) throws SQLException {
        return new ContainerHour(rs.getLong("container_id"), rs.getString("name"), instant(rs, "created_at"),
                instant(rs, "life_end"), new UsageWindow(instant(rs, "window_start")), rs.getString("status"),
                rs.getInt("charge_type"), rs.getInt("spec_id"), integer(rs, "use_public_network"),
                integer(rs, "network_charge_type"), integer(rs, "bandwidth"), instant(rs, "first_observed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}

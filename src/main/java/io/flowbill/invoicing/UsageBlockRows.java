package io.flowbill.invoicing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;

import io.flowbill.metering.StatusPolicy;
import io.flowbill.pricing.ChargeType;
import io.flowbill.pricing.NetworkChargeType;
import io.flowbill.pricing.PriceBook;
import io.flowbill.pricing.UnreadableUsage;
import io.flowbill.pricing.UsageBlock;
import io.flowbill.pricing.UsageHour;
import io.flowbill.pricing.UsageRow;

/**
 * Reads stored usage as the pricing input, summed by PostgreSQL into {@link UsageBlock}s: the hours of a range
 * that one container spent alike (same status, attributes, active seconds and price version) come as one row with
 * their count and summed traffic, so a container that did not change in a day is one row, not 24. Billability is
 * decided again by the configured {@link StatusPolicy} from the stored status, not taken from the stored
 * {@code billable} column, so a status the policy learns later is billed when the range is rated again.
 */
final class UsageBlockRows {

    /**
     * Parameters: the tenant, the window range, the container range's ends (when bounded), the version thresholds.
     * The same pass sums the range's hours by hour (the second grouping set, for the day report): those rows have
     * no tenant and container and come last.
     */
    private static final String BY_CONTAINER = """
            select tenant_id, container_id, min(window_start), max(window_start), count(*), status, charge_type,
                   spec_id, use_public_network, network_charge_type, bandwidth, active_seconds, sum(up_mb), sum(down_mb),
                   count(*) filter (where up_mb is null or down_mb is null), grouping(container_id)
              from usage_hour
             where tenant_id = ? and window_start >= ? and window_start < ?%s
             group by grouping sets ((tenant_id, container_id, width_bucket(window_start, cast(? as timestamptz[])),
                      status, charge_type, spec_id, use_public_network, network_charge_type, bandwidth,
                      active_seconds), (window_start))
             order by tenant_id, container_id, 3""";

    private UsageBlockRows() {
    }

    /** The tenant's blocks of [from, to) of the containers in {@code range}, in (tenant, container, first hour) order. */
    static String byContainer(ContainerRange range) {
        return BY_CONTAINER.formatted(range.condition());
    }

    /**
     * The parameters of {@link #byContainer} for [from, to): blocks never span a change of price version. The
     * thresholds go as a typed {@code timestamptz[]}, so PostgreSQL parses them once, not once per row.
     */
    static PreparedStatementSetter parameters(PriceBook book, String tenant, Instant from, Instant to, ContainerRange range,
            String workMem) {
        List<String> thresholds = new ArrayList<>();
        thresholds.add(from.toString());
        book.changesWithin(from, to).forEach(start -> thresholds.add(start.toString()));
        return statement -> {
            try (Statement settings = statement.getConnection().createStatement()) {
                // enough memory to sum a range in one hash table rather than sort its hours by attributes; with
                // more days in the table PostgreSQL overestimates the blocks and would sort the hours (8.1 s for a
                // day of 100k containers among 6 days, 3.6 s hashed), so the incremental sort is ruled out
                settings.execute("set local work_mem = '" + workMem + "'");
                settings.execute("set local enable_incremental_sort = off");
            }
            statement.setString(1, tenant);
            statement.setTimestamp(2, Timestamp.from(from));
            statement.setTimestamp(3, Timestamp.from(to));
            int next = range.bind(statement, 4);
            statement.setArray(next, statement.getConnection().createArrayOf("timestamptz", thresholds.toArray()));
        };
    }

    /**
     * Maps block rows with {@link #map}, billability decided by {@code statuses}, each counted by {@code tally} first;
     * the hour rows, which come last, are counted and end the usage (null): the first of them reads the rest.
     */
    static RowMapper<UsageRow> mapper(StatusPolicy statuses, DayTally tally) {
        return (rs, row) -> {
            if (rs.getInt(16) == 0) {
                tally.block(rs);
                return map(rs, statuses);
            }
            do {
                tally.hour(rs);
            } while (rs.next());
            return null;
        };
    }

    /**
     * The row as a block, or as {@link UnreadableUsage} when its attributes are not usage (an unknown code, an
     * on-demand public container without a network charge type): rating makes that container's day an exception.
     */
    static UsageRow map(ResultSet rs, StatusPolicy statuses) throws SQLException {
        long containerId = rs.getLong(2);
        Instant first = rs.getObject(3, OffsetDateTime.class).toInstant();
        try {
            ChargeType chargeType = ChargeType.ofCode(rs.getInt(7));
            boolean publicNetwork = Integer.valueOf(1).equals(integer(rs, 9));
            Integer bandwidth = integer(rs, 11);
            UsageHour hour = new UsageHour(rs.getString(1), containerId, first, rs.getInt(12),
                    statuses.isBillable(rs.getString(6)), chargeType, rs.getInt(8), publicNetwork,
                    networkChargeType(integer(rs, 10), chargeType == ChargeType.ON_DEMAND && publicNetwork),
                    bandwidth == null ? 0 : bandwidth, rs.getBigDecimal(13), rs.getBigDecimal(14));
            return new UsageBlock(hour, rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5));
        }
        catch (IllegalArgumentException e) {
            return new UnreadableUsage(rs.getString(1), containerId, first, e.getMessage());
        }
    }

    /** Required (and checked) where it is billed: on demand with a public network; elsewhere unknown codes are null. */
    private static NetworkChargeType networkChargeType(Integer code, boolean billed) {
        if (billed) {
            if (code == null) {
                throw new IllegalArgumentException("an on-demand public container needs a network_charge_type");
            }
            return NetworkChargeType.ofCode(code);
        }
        for (NetworkChargeType type : NetworkChargeType.values()) {
            if (code != null && type.code() == code) {
                return type;
            }
        }
        return null;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}

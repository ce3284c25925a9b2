package io.flowbill.invoicing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits the rated tenant's containers into ranges of about equal size by the inventory's containers seen during
 * the rated day ({@code container}), for {@code ratingStep}'s partitions: {@code gridSize} ranges, or more for a
 * large day, so that no range holds more than {@code containersPerPartition} containers (a tenant's day of 1 M
 * containers at 50,000 is 20 partitions, whichever process runs them). The first range is open at its start and
 * the last at its end, so a container with usage is in exactly one range whether the inventory knows it or not.
 */
class ContainerRanges implements Partitioner {

    private final JdbcTemplate jdbc;
    private final String tenant;
    private final Instant dayStart;
    private final Instant dayEnd;
    private final int containersPerPartition;

    ContainerRanges(JdbcTemplate jdbc, String tenant, Instant dayStart, Instant dayEnd) {
        this(jdbc, tenant, dayStart, dayEnd, Integer.MAX_VALUE);
    }

    ContainerRanges(JdbcTemplate jdbc, String tenant, Instant dayStart, Instant dayEnd, int containersPerPartition) {
        this.containersPerPartition = containersPerPartition;
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<ContainerRange> ranges = ranges(count(gridSize));
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            partitions.put("containers" + i, ranges.get(i).toContext());
        }
        return partitions;
    }

    /** How many ranges: {@code gridSize}, or enough that none holds more than {@code containersPerPartition}. */
    int count(int gridSize) {
        Long containers = jdbc.queryForObject("""
                select count(*) from container where tenant_id = ? and first_seen_at < ? and last_seen_at >= ?
                """, Long.class, tenant, Timestamp.from(dayEnd), Timestamp.from(dayStart));
        long bySize = containers == null ? 0 : (containers + containersPerPartition - 1) / containersPerPartition;
        return (int) Math.max(Math.max(1, gridSize), Math.min(bySize, 10_000));
    }

    List<ContainerRange> ranges(int count) {
        // the first container of each range but the first: rows n x k / count + 1 for k = 1 .. count - 1 of the
        // containers first seen before the day's end and not gone before its start (the ones with usage that day; the
        // last_seen_at of a container not gone is its last change, see InventorySql)
        List<Object[]> starts = jdbc.query("""
                select tenant_id, container_id from (
                  select tenant_id, container_id, row_number() over (order by tenant_id, container_id) as n,
                         count(*) over () as total
                    from container where tenant_id = ? and first_seen_at < ? and (gone_at is null or last_seen_at >= ?)) numbered
                 where n > 1 and (n - 1) % greatest(1, total / ?) = 0 and (n - 1) / greatest(1, total / ?) < ?
                 order by tenant_id, container_id
                """, (rs, row) -> new Object[] { rs.getString(1), rs.getLong(2) }, tenant, Timestamp.from(dayEnd),
                Timestamp.from(dayStart), count, count, count);
        List<ContainerRange> ranges = new ArrayList<>();
        String fromTenant = null;
        Long fromContainer = null;
        for (Object[] start : starts) {
            ranges.add(new ContainerRange(fromTenant, fromContainer, (String) start[0], (Long) start[1]));
            fromTenant = (String) start[0];
            fromContainer = (Long) start[1];
        }
        ranges.add(new ContainerRange(fromTenant, fromContainer, null, null));
        return ranges;
    }
}

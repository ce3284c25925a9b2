package io.flowbill.metering;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the (container, window) pairs of a range that still need metering, in (container, window) order: a page
 * of containers at a time by keyset on the id, their attribute versions and already-metered hours in one query
 * each, the pairs expanded here. Pairs that already have a usage row are skipped (unless refreshing), so a rerun
 * or a restart after a crash picks up exactly the pairs not yet written: progress lives in the data, not in a
 * reader position. Memory holds one page of containers, whatever the fleet size.
 */
class ContainerHourReader implements ItemStreamReader<ContainerHour> {

    private final JdbcTemplate jdbc;
    private final String tenant;
    private final MeteringRange range;
    private final boolean refresh;
    private final int containersPerPage;
    private final Deque<ContainerHour> buffer = new ArrayDeque<>();
    private long lastContainerId = Long.MIN_VALUE;
    private boolean exhausted;

    ContainerHourReader(JdbcTemplate jdbc, String tenant, MeteringRange range, boolean refresh, int containersPerPage) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.range = range;
        this.refresh = refresh;
        this.containersPerPage = containersPerPage;
    }

    @Override
    public ContainerHour read() {
        while (buffer.isEmpty() && !exhausted) {
            readPage();
        }
        return buffer.poll();
    }

    private void readPage() {
        List<ContainerRow> containers = jdbc.query("""
                select container_id, name, created_at, case when gone_at is not null then last_seen_at end as life_end
                  from container
                 where tenant_id = ? and container_id > ? and created_at < ?
                   and (gone_at is null or last_seen_at > ?)
                 order by container_id limit ?
                """, (rs, i) -> new ContainerRow(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4)),
                tenant, lastContainerId, Timestamp.from(range.to()), Timestamp.from(range.from()), containersPerPage);
        if (containers.isEmpty()) {
            exhausted = true;
            return;
        }
        lastContainerId = containers.get(containers.size() - 1).id();
        Long[] ids = containers.stream().map(ContainerRow::id).toArray(Long[]::new);
        Map<Long, List<VersionRow>> versions = versions(ids);
        Set<String> metered = refresh ? Set.of() : metered(ids);
        for (ContainerRow container : containers) {
            for (UsageWindow window : range.windows()) {
                if (container.aliveIn(window) && !metered.contains(container.id() + "@" + window.start())) {
                    VersionRow version = applicable(versions.get(container.id()), window, container.createdAt());
                    if (version != null) {
                        buffer.add(version.hour(container, window));
                    }
                }
            }
        }
    }

    private Map<Long, List<VersionRow>> versions(Long[] ids) {
        Map<Long, List<VersionRow>> versions = new HashMap<>();
        withArray(ids, array -> jdbc.query("""
                select container_id, valid_from, first_observed_at, status, charge_type, spec_id, use_public_network,
                       network_charge_type, bandwidth
                  from container_version where tenant_id = ? and container_id = any(?)
                 order by container_id, valid_from
                """, rs -> {
            versions.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new VersionRow(instant(rs, 2),
                    instant(rs, 3), rs.getString(4), rs.getInt(5), rs.getInt(6), integer(rs, 7), integer(rs, 8),
                    integer(rs, 9)));
        }, tenant, array));
        return versions;
    }

    private Set<String> metered(Long[] ids) {
        Set<String> metered = new HashSet<>();
        withArray(ids, array -> jdbc.query("""
                select container_id, window_start from usage_hour
                 where tenant_id = ? and container_id = any(?) and window_start >= ? and window_start < ?
                """, rs -> {
            metered.add(rs.getLong(1) + "@" + instant(rs, 2));
        }, tenant, array, Timestamp.from(range.from()), Timestamp.from(range.to())));
        return metered;
    }

    private void withArray(Long[] ids, java.util.function.Consumer<Array> work) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Array array = connection.createArrayOf("bigint", ids);
            try {
                work.accept(array);
            }
            finally {
                array.free();
            }
            return null;
        });
    }

    /** The version in force at the window's start (or at creation, in the creation window); else the first one. */
    private static VersionRow applicable(List<VersionRow> versions, UsageWindow window, Instant createdAt) {
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        Instant at = window.start().isAfter(createdAt) ? window.start() : createdAt;
        VersionRow applicable = versions.get(0);
        for (VersionRow version : versions) {
            if (!version.validFrom().isAfter(at)) {
                applicable = version;
            }
        }
        return applicable;
    }

    private record ContainerRow(long id, String name, Instant createdAt, Instant lifeEnd) {

        boolean aliveIn(UsageWindow window) {
            return createdAt.isBefore(window.end()) && (lifeEnd == null || lifeEnd.isAfter(window.start()));
        }
    }

    private record VersionRow(Instant validFrom, Instant firstObservedAt, String status, int chargeType, int specId,
            Integer usePublicNetwork, Integer networkChargeType, Integer bandwidth) {

        ContainerHour hour(ContainerRow container, UsageWindow window) {
            return new ContainerHour(container.id(), container.name(), container.createdAt(), container.lifeEnd(),
                    window, status, chargeType, specId, usePublicNetwork, networkChargeType, bandwidth, firstObservedAt);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}

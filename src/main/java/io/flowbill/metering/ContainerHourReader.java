package io.flowbill.metering;

import java.sql.PreparedStatement;
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

import org.postgresql.PGStatement;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads the (container, window) pairs of a range that still need metering (no usage row, or a row whose traffic is
 * pending), in (container, window) order: a page
 * of containers at a time by keyset on the id, their attribute versions and already-metered hours in one range
 * query each, the pairs expanded here. Pairs that already have a usage row are skipped (unless refreshing), so a rerun
 * or a restart after a crash picks up exactly the pairs not yet written: progress lives in the data, not in a
 * reader position. Memory holds one page of containers, whatever the fleet size.
 */
class ContainerHourReader implements ItemStreamReader<ContainerHour> {

    private final JdbcTemplate jdbc;
    private final String tenant;
    private final MeteringRange range;
    private final IdRange ids;
    private final String account;
    private final boolean refresh;
    private final boolean recheck;
    private final int containersPerPage;
    private final Deque<ContainerHour> buffer = new ArrayDeque<>();
    private long lastContainerId = Long.MIN_VALUE;
    private boolean exhausted;
    private Boolean rangeWasEmpty;

    /**
     * @param recheck read only the containers a recheck concerns: those first seen within the range (found late, or
     *                new) and those with pending traffic in it
     */
    ContainerHourReader(JdbcTemplate jdbc, String tenant, String account, MeteringRange range, IdRange ids,
            boolean refresh, boolean recheck, int containersPerPage) {
        this.account = account;
        this.ids = ids;
        this.lastContainerId = ids.from() == Long.MIN_VALUE ? Long.MIN_VALUE : ids.from() - 1;
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.range = range;
        this.refresh = refresh;
        this.recheck = recheck;
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
                  from container c
                 where tenant_id = ? and coalesce(account, tenant_id) = ? and container_id > ? and container_id < ?
                   and created_at < ? and (gone_at is null or last_seen_at > ?)
                   and (not ? or first_seen_at >= ? or exists (select 1 from usage_hour u
                          where u.tenant_id = c.tenant_id and u.traffic_pending and u.window_start >= ?
                            and u.window_start < ? and u.container_id = c.container_id))
                 order by container_id limit ?
                """, (rs, i) -> new ContainerRow(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4)),
                tenant, account, lastContainerId, ids.to(), Timestamp.from(range.to()), Timestamp.from(range.from()), recheck,
                Timestamp.from(range.from()), Timestamp.from(range.from()), Timestamp.from(range.to()),
                containersPerPage);
        if (containers.isEmpty()) {
            exhausted = true;
            return;
        }
        lastContainerId = containers.get(containers.size() - 1).id();
        long first = containers.get(0).id();
        Map<Long, List<VersionRow>> versions = versions(first, lastContainerId);
        Set<String> metered = refresh ? Set.of() : metered(first, lastContainerId);
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

    private Map<Long, List<VersionRow>> versions(long first, long last) {
        Map<Long, List<VersionRow>> versions = new HashMap<>();
        query("""
                select container_id, valid_from, first_observed_at, status, charge_type, spec_id, use_public_network,
                       network_charge_type, bandwidth
                  from container_version where tenant_id = ? and container_id between ? and ?
                 order by container_id, valid_from
                """, rs -> versions.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new VersionRow(
                instant(rs, 2), instant(rs, 3), rs.getString(4), rs.getInt(5), rs.getInt(6), integer(rs, 7),
                integer(rs, 8), integer(rs, 9))), tenant, first, last);
        return versions;
    }

    /**
     * Hours of these containers already metered. Skipped while the range had no usage of this reader's ids when the
     * run began: only this reader writes hours of its ids, by ascending id, and only of containers it has passed, so
     * none can appear ahead.
     */
    private Set<String> metered(long first, long last) {
        if (rangeWasEmpty == null) {
            rangeWasEmpty = !Boolean.TRUE.equals(jdbc.queryForObject("""
                    select exists (select 1 from usage_hour where tenant_id = ? and window_start >= ? and window_start < ?
                                     and container_id >= ? and container_id < ?)
                    """, Boolean.class, tenant, Timestamp.from(range.from()), Timestamp.from(range.to()), ids.from(),
                    ids.to()));
        }
        Set<String> metered = new HashSet<>();
        if (rangeWasEmpty) {
            return metered;
        }
        query("""
                select container_id, window_start from usage_hour
                 where tenant_id = ? and container_id between ? and ? and window_start >= ? and window_start < ?
                   and not traffic_pending
                """, rs -> metered.add(rs.getLong(1) + "@" + instant(rs, 2)), tenant, first, last,
                Timestamp.from(range.from()), Timestamp.from(range.to()));
        return metered;
    }

    /**
     * Runs a query planned for its actual values each time (no generic plan): with a generic plan PostgreSQL may
     * scan a whole window's usage for one page of containers, which makes a large fleet quadratic.
     */
    private void query(String sql, RowCallbackHandler rows, Object... args) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, rows);
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

    /**
     * The container ids a reader covers: from {@code from} (inclusive) to {@code to} (exclusive); one partition's
     * share of the fleet ({@link FlowPartitioner}).
     */
    record IdRange(long from, long to) {

        static final IdRange ALL = new IdRange(Long.MIN_VALUE, Long.MAX_VALUE);
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

package io.flowbill.metering;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keeps the inventory history: each scan's observations are staged (deduplicated by id), then merged
 * set-based into {@code container} and {@code container_version}. Memory stays flat whatever the fleet size.
 */
@Repository
class InventoryStore {

    private final JdbcTemplate jdbc;

    InventoryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long newScan() {
        Long id = jdbc.queryForObject("select nextval('inventory_scan_seq')", Long.class);
        return id == null ? 0 : id;
    }

    /** Stages one page of observations; an id already staged in this scan is kept once. */
    void stage(long scanId, String tenant, Instant observedAt, String source, List<Observation> page) {
        jdbc.batchUpdate("""
                insert into inventory_observation (scan_id, tenant_id, container_id, observed_at, source, name, status,
                  charge_type, spec_id, use_public_network, network_charge_type, bandwidth, image_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (scan_id, container_id) do nothing
                """, page, 500, (ps, o) -> {
            ps.setLong(1, scanId);
            ps.setString(2, tenant);
            ps.setLong(3, o.containerId());
            ps.setTimestamp(4, Timestamp.from(observedAt));
            ps.setString(5, source);
            ps.setString(6, o.name());
            ps.setString(7, o.status());
            ps.setInt(8, o.chargeType());
            ps.setInt(9, o.specId());
            ps.setObject(10, o.usePublicNetwork(), Types.SMALLINT);
            ps.setObject(11, o.networkChargeType(), Types.SMALLINT);
            ps.setObject(12, o.bandwidth(), Types.INTEGER);
            ps.setObject(13, o.imageId(), Types.BIGINT);
            ps.setTimestamp(14, Timestamp.from(o.createdAt()));
            ps.setTimestamp(15, o.updatedAt() == null ? null : Timestamp.from(o.updatedAt()));
        });
    }

    /**
     * Distinct containers staged by a scan so far. Counted by the database: with multi-row batched inserts the
     * driver does not report per-row counts.
     */
    int staged(long scanId) {
        Integer n = jdbc.queryForObject("select count(*) from inventory_observation where scan_id = ?", Integer.class,
                scanId);
        return n == null ? 0 : n;
    }

    /** Containers believed alive (not gone) that this scan did not see: they are asked for one by one. */
    List<Long> knownButUnseen(long scanId, String tenant) {
        return jdbc.queryForList("""
                select c.container_id from container c
                where c.tenant_id = ? and c.gone_at is null
                  and not exists (select 1 from inventory_observation o
                                  where o.scan_id = ? and o.container_id = c.container_id)
                order by c.container_id
                """, Long.class, tenant, scanId);
    }

    void markGone(String tenant, long containerId, Instant at) {
        jdbc.update("update container set gone_at = ? where tenant_id = ? and container_id = ? and gone_at is null",
                Timestamp.from(at), tenant, containerId);
    }

    /** Merges the staged scan into the history and drops the staging rows. Returns versions opened. */
    int merge(long scanId) {
        jdbc.update("""
                insert into container (tenant_id, container_id, name, created_at, first_seen_at, last_seen_at)
                select tenant_id, container_id, name, created_at, observed_at, observed_at
                from inventory_observation where scan_id = ?
                on conflict (tenant_id, container_id) do update
                  set name = excluded.name,
                      last_seen_at = greatest(container.last_seen_at, excluded.last_seen_at),
                      gone_at = null
                """, scanId);
        jdbc.update(InventorySql.TOUCH_UNCHANGED_VERSIONS, scanId, scanId);
        int opened = jdbc.update(InventorySql.OPEN_CHANGED_VERSIONS, scanId, scanId);
        jdbc.update("delete from inventory_observation where scan_id = ?", scanId);
        return opened;
    }
}

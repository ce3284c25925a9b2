package io.flowbill.metering;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keeps the inventory history: each scan's observations are staged (deduplicated by id), then merged
 * set-based into {@code container} and {@code container_version}, where only the containers that changed are
 * written; a complete scan is recorded once per API account of a tenant ({@code inventory_sweep}). Memory stays
 * flat whatever the fleet size.
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

    /**
     * Stages one page of observations of a pass; an id already staged in this scan is kept once, with what the
     * latest pass saw.
     */
    void stage(long scanId, String tenant, Instant observedAt, String source, int pass, List<Observation> rows) {
        // overlapping pages repeat ids; one statement may touch a row only once
        Map<Long, Observation> byId = new LinkedHashMap<>();
        rows.forEach(o -> byId.put(o.containerId(), o));
        List<Observation> page = List.copyOf(byId.values());
        jdbc.batchUpdate("""
                insert into inventory_observation (scan_id, tenant_id, container_id, observed_at, source, name, status,
                  charge_type, spec_id, use_public_network, network_charge_type, bandwidth, image_id, created_at, updated_at,
                  pass)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (scan_id, container_id) do update
                  set observed_at = excluded.observed_at, source = excluded.source, name = excluded.name,
                      status = excluded.status, charge_type = excluded.charge_type, spec_id = excluded.spec_id,
                      use_public_network = excluded.use_public_network,
                      network_charge_type = excluded.network_charge_type, bandwidth = excluded.bandwidth,
                      image_id = excluded.image_id, updated_at = excluded.updated_at, pass = excluded.pass
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
            ps.setInt(16, pass);
        });
    }

    /** Distinct containers staged so far that were created before the scan began (those a pass must not miss). */
    int stagedCreatedBefore(long scanId, Instant scanStart) {
        return count("select count(*) from inventory_observation where scan_id = ? and created_at < ?", scanId,
                Timestamp.from(scanStart));
    }

    /** Staged containers created before the scan began that the database did not know. */
    int unknownToDatabase(long scanId, String tenant, Instant scanStart) {
        return count("""
                select count(*) from inventory_observation o
                 where o.scan_id = ? and o.created_at < ?
                   and not exists (select 1 from container c where c.tenant_id = ? and c.container_id = o.container_id)
                """, scanId, Timestamp.from(scanStart), tenant);
    }

    /** Distinct containers the given pass served. */
    int servedIn(long scanId, int pass) {
        return count("select count(*) from inventory_observation where scan_id = ? and pass = ?", scanId, pass);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
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

    /**
     * Containers believed alive that the scan's last pass did not serve: those the database knows (not gone) and
     * those only an earlier pass saw. They are asked for one by one.
     */
    List<Long> unseenInPass(long scanId, String tenant, String account, int lastPass) {
        return jdbc.queryForList("""
                select c.container_id from container c
                 where c.tenant_id = ? and coalesce(c.account, c.tenant_id) = ? and c.gone_at is null
                   and not exists (select 1 from inventory_observation o
                                   where o.scan_id = ? and o.container_id = c.container_id and o.pass = ?)
                union
                select o.container_id from inventory_observation o where o.scan_id = ? and o.pass < ?
                order by 1
                """, Long.class, tenant, account, scanId, lastPass, scanId, lastPass);
    }

    /**
     * Takes out of the scan the containers another API account of the tenant has alive: one container id in two
     * accounts is billed once, by the account that listed it first, and recorded as a
     * {@code container_in_two_accounts} exception (once per container and hour). A container another account had
     * but lost (gone) moves to this one. Returns the containers taken out.
     */
    int refuseOtherAccounts(long scanId, String tenant, String account, long runId) {
        jdbc.update("""
                insert into metering_exception (tenant_id, container_id, window_start, kind, raw_value, message, run_id)
                select o.tenant_id, o.container_id, date_trunc('hour', o.observed_at), 'container_in_two_accounts', ?,
                       'account ' || ? || ' lists container ' || o.container_id || ', which account '
                         || coalesce(c.account, c.tenant_id) || ' of the same tenant has; it stays billed to account '
                         || coalesce(c.account, c.tenant_id) || ' alone', ?
                  from inventory_observation o
                  join container c on c.tenant_id = o.tenant_id and c.container_id = o.container_id
                 where o.scan_id = ? and o.tenant_id = ? and c.gone_at is null and coalesce(c.account, c.tenant_id) <> ?
                on conflict (tenant_id, container_id, window_start, kind) do nothing
                """, account, account, runId, scanId, tenant, account);
        return jdbc.update("""
                delete from inventory_observation o using container c
                 where o.scan_id = ? and c.tenant_id = o.tenant_id and c.container_id = o.container_id
                   and c.gone_at is null and coalesce(c.account, c.tenant_id) <> ?
                """, scanId, account);
    }

    /**
     * Records a container as gone, noticed at {@code noticed}. Its hours are billed to its last sighting; the time
     * between that sighting and the scan that noticed it gone is unknown, so it is recorded as a
     * {@code lifetime_unknown} exception with the hours at risk. A container not gone was last seen by the latest
     * complete scan of its own API account at the latest ({@code inventory_sweep}, which the scan finding it gone has
     * not moved yet):
     * that sighting is written into the container and its latest version first. Returns 1 when the container was
     * alive until now.
     */
    int markGone(String tenant, long containerId, Instant noticed, long runId) {
        return jdbc.update("""
                with sweep as (
                  select s.seen_at from container c
                    join inventory_sweep s on s.tenant_id = c.tenant_id and s.account = coalesce(c.account, c.tenant_id)
                   where c.tenant_id = ? and c.container_id = ?),
                gone as (
                  update container set gone_at = ?, last_seen_at = greatest(last_seen_at, (select seen_at from sweep))
                   where tenant_id = ? and container_id = ? and gone_at is null
                  returning tenant_id, container_id, last_seen_at, gone_at),
                sealed as (
                  update container_version v set last_observed_at = (select seen_at from sweep)
                    from gone g
                   where v.tenant_id = g.tenant_id and v.container_id = g.container_id
                     and v.last_observed_at < (select seen_at from sweep)
                     and v.valid_from = (select max(valid_from) from container_version l
                                          where l.tenant_id = g.tenant_id and l.container_id = g.container_id))
                insert into metering_exception (tenant_id, container_id, window_start, kind, raw_value, message, run_id)
                select tenant_id, container_id, date_trunc('hour', last_seen_at), 'lifetime_unknown',
                       round(extract(epoch from gone_at - last_seen_at) / 3600, 2) || ' h',
                       'the container was last seen at ' || to_char(last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                         || ' and found gone (404) at ' || to_char(gone_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                         || '; it is billed until its last sighting, the ' || round(extract(epoch from gone_at - last_seen_at) / 3600, 2)
                         || ' hours after it are at risk (meter hourly to keep them small)', ?
                  from gone
                on conflict (tenant_id, container_id, window_start, kind) do nothing
                """, tenant, containerId, Timestamp.from(noticed), tenant, containerId, runId) > 0 ? 1 : 0;
    }

    /**
     * Merges the staged scan of API account {@code account} into the history, writing only the containers that
     * changed ({@link InventorySql}), and drops the staging rows. Returns what it wrote.
     *
     * @param account  the name, within the tenant, of the account whose scan it is: new containers get it, and a
     *                 container another account had moves to it
     * @param lastPass the scan's last pass: a container only an earlier pass saw has its sighting written, as it may
     *                 be found gone next
     */
    MergeWrites merge(long scanId, String account, int lastPass) {
        int added = jdbc.update(InventorySql.INSERT_NEW_CONTAINERS, account, scanId);
        MergeWrites writes = jdbc.queryForObject(InventorySql.WRITE_CHANGES, (rs, row) -> new MergeWrites(
                added + rs.getInt("containers_updated"), rs.getInt("versions_updated") + rs.getInt("versions_opened"),
                rs.getInt("versions_opened")), scanId, account, lastPass);
        jdbc.update("delete from inventory_observation where scan_id = ?", scanId);
        return writes;
    }

    /**
     * Records a complete scan of API account {@code account} of the tenant: every container of that account not gone
     * was seen at {@code seenAt}. Called after the scan's merge and its gone containers, in the same transaction.
     */
    void recordSweep(String tenant, String account, long scanId, Instant seenAt) {
        jdbc.update("""
                insert into inventory_sweep (tenant_id, account, seen_at, scan_id) values (?, ?, ?, ?)
                on conflict (tenant_id, account) do update
                  set seen_at = greatest(inventory_sweep.seen_at, excluded.seen_at), scan_id = excluded.scan_id
                """, tenant, account, Timestamp.from(seenAt), scanId);
    }

    /**
     * Rows one merge wrote.
     *
     * @param containers     rows of {@code container} inserted or updated
     * @param versions       rows of {@code container_version} inserted or updated
     * @param versionsOpened versions inserted (attribute changes and new containers)
     */
    record MergeWrites(int containers, int versions, int versionsOpened) {
    }
}

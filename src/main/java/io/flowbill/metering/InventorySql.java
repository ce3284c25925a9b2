package io.flowbill.metering;

/**
 * The set-based merge of one scan into {@code container} and {@code container_version}, writing only the
 * containers that changed: new, back after being gone, moved to another API
 * account of the tenant, renamed, with other attributes, or seen only by an earlier
 * pass of the scan (it may be found gone next, so its sighting is written).
 * <p>Rule: an observation equal to the container's latest version writes nothing; the version was seen until the
 * latest complete scan of the container's API account ({@code inventory_sweep}) if the container is not gone, or until its own
 * {@code last_observed_at} otherwise. A different observation writes that last sighting into the latest version,
 * then opens a new version, valid from the API's {@code updated_at} clamped between the previous version's last
 * sighting and this sighting (the change happened somewhere in between, and {@code updated_at} says when). A
 * container's first version is valid from its {@code created_at}: earlier windows use it as an inference, which the
 * usage rows mark.
 */
final class InventorySql {

    /**
     * Parameters: API account, scan id. The containers never seen before (an anti join: no insert is tried for a
     * known one), with the account that listed them.
     */
    static final String INSERT_NEW_CONTAINERS = """
            insert into container (tenant_id, container_id, name, created_at, first_seen_at, last_seen_at, account)
            select o.tenant_id, o.container_id, o.name, o.created_at, o.observed_at, o.observed_at, ?
              from inventory_observation o
             where o.scan_id = ?
               and not exists (select 1 from container c
                                where c.tenant_id = o.tenant_id and c.container_id = o.container_id)
            on conflict (tenant_id, container_id) do nothing
            """;

    private static final String SAME = """
            l.status = o.status and l.charge_type = o.charge_type and l.spec_id = o.spec_id
              and l.use_public_network is not distinct from o.use_public_network
              and l.network_charge_type is not distinct from o.network_charge_type
              and l.bandwidth is not distinct from o.bandwidth
              and l.image_id is not distinct from o.image_id
              and l.name is not distinct from o.name
            """;

    /**
     * Parameters: scan id, API account, last pass. After {@link #INSERT_NEW_CONTAINERS}: finds the changed
     * observations once ({@code changed}, with the latest version's last sighting), then, all in one statement,
     * touches the unchanged versions seen again, seals and follows the changed ones, and updates the changed
     * containers. Returns the rows written by each. A container another account of the tenant had (it moved:
     * {@code coalesce(account, tenant_id)} differs) is changed: its sighting and its new account are written, as the
     * sweeps of its old account no longer cover it.
     */
    static final String WRITE_CHANGES = """
            with scan as (
              select cast(? as bigint) as id, cast(? as varchar) as account, cast(? as integer) as last_pass),
            latest as (
              select distinct on (v.tenant_id, v.container_id) v.*
              from container_version v
              join inventory_observation o
                on o.scan_id = (select id from scan) and o.tenant_id = v.tenant_id and o.container_id = v.container_id
              order by v.tenant_id, v.container_id, v.valid_from desc),
            changed as (
              select o.*, l.valid_from as latest_from, l.container_id is null as first,
                     coalesce(""" + SAME + """
                     , false) as same,
                     case when c.gone_at is null then greatest(l.last_observed_at, s.seen_at)
                          else l.last_observed_at end as latest_seen,
                     c.gone_at is not null as was_gone, c.name is distinct from o.name as renamed,
                     coalesce(c.account, c.tenant_id) <> scan.account as moved, o.pass < scan.last_pass as early
                from scan
                join inventory_observation o on o.scan_id = scan.id
                join container c on c.tenant_id = o.tenant_id and c.container_id = o.container_id
                left join latest l on l.tenant_id = o.tenant_id and l.container_id = o.container_id
                left join inventory_sweep s
                  on s.tenant_id = c.tenant_id and s.account = coalesce(c.account, c.tenant_id)
               where (l.container_id is null or c.gone_at is not null or c.name is distinct from o.name
                      or coalesce(c.account, c.tenant_id) <> scan.account
                      or o.pass < scan.last_pass or not coalesce(""" + SAME + """
                      , false))),
            touched as (
              update container_version v set last_observed_at = greatest(v.last_observed_at, ch.observed_at)
                from changed ch
               where ch.same and (ch.was_gone or ch.moved or ch.early) and v.tenant_id = ch.tenant_id
                 and v.container_id = ch.container_id and v.valid_from = ch.latest_from
              returning 1),
            sealed as (
              update container_version v set last_observed_at = ch.latest_seen
                from changed ch
               where not ch.same and not ch.first and ch.latest_seen > v.last_observed_at
                 and v.tenant_id = ch.tenant_id and v.container_id = ch.container_id and v.valid_from = ch.latest_from
              returning 1),
            opened as (
              insert into container_version (tenant_id, container_id, valid_from, first_observed_at, last_observed_at,
                status, charge_type, spec_id, use_public_network, network_charge_type, bandwidth, image_id, name)
              select ch.tenant_id, ch.container_id,
                     case when ch.first then ch.created_at
                          else greatest(least(coalesce(ch.updated_at, ch.observed_at), ch.observed_at),
                                        ch.latest_seen, ch.latest_from + interval '1 millisecond') end,
                     ch.observed_at, ch.observed_at, ch.status, ch.charge_type, ch.spec_id, ch.use_public_network,
                     ch.network_charge_type, ch.bandwidth, ch.image_id, ch.name
                from changed ch
               where not ch.same
              returning 1),
            updated as (
              update container c
                 set name = ch.name, last_seen_at = greatest(c.last_seen_at, ch.observed_at), gone_at = null,
                     account = (select account from scan)
                from changed ch
               where c.tenant_id = ch.tenant_id and c.container_id = ch.container_id
                 and (ch.was_gone or ch.renamed or ch.moved or ch.early)
              returning 1)
            select (select count(*) from touched) + (select count(*) from sealed) as versions_updated,
                   (select count(*) from opened) as versions_opened,
                   (select count(*) from updated) as containers_updated
            """;

    private InventorySql() {
    }
}

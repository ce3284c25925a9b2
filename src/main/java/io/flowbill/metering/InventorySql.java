package io.flowbill.metering;

/**
 * The set-based merge of one scan into {@code container} and {@code container_version}, writing only the
 * containers that changed: new, back after being gone, renamed, or with other attributes.
 * <p>Rule: an observation equal to the container's latest version writes nothing; the version was seen until the
 * tenant's latest complete scan ({@code inventory_sweep}) if the container is not gone, or until its own
 * {@code last_observed_at} otherwise. A different observation first writes that last sighting into the latest
 * version ({@link #SEAL_CHANGED_VERSIONS}), then opens a new version, valid from the API's {@code updated_at} clamped
 * between the previous version's last sighting and this sighting (the change happened somewhere in between, and
 * {@code updated_at} says when). A container's first version is valid from its {@code created_at}: earlier windows
 * use it as an inference, which the usage rows mark.
 */
final class InventorySql {

    private static final String LATEST = """
            latest as (
              select distinct on (v.tenant_id, v.container_id) v.*
              from container_version v
              join inventory_observation o
                on o.scan_id = ? and o.tenant_id = v.tenant_id and o.container_id = v.container_id
              order by v.tenant_id, v.container_id, v.valid_from desc)
            """;

    private static final String SAME = """
            l.status = o.status and l.charge_type = o.charge_type and l.spec_id = o.spec_id
              and l.use_public_network is not distinct from o.use_public_network
              and l.network_charge_type is not distinct from o.network_charge_type
              and l.bandwidth is not distinct from o.bandwidth
              and l.image_id is not distinct from o.image_id
              and l.name is not distinct from o.name
            """;

    /** Parameters: scan id. The containers never seen before. */
    static final String INSERT_NEW_CONTAINERS = """
            insert into container (tenant_id, container_id, name, created_at, first_seen_at, last_seen_at)
            select tenant_id, container_id, name, created_at, observed_at, observed_at
            from inventory_observation where scan_id = ?
            on conflict (tenant_id, container_id) do nothing
            """;

    /**
     * Parameters: scan id, scan id, last pass. An unchanged container back after being gone, or seen only by an
     * earlier pass of the scan (it may be found gone next): its version was seen again. A container not gone and seen
     * by the last pass is covered by the sweep and needs no write.
     */
    static final String TOUCH_VERSIONS_BACK_FROM_GONE = "with " + LATEST + """
            update container_version v
               set last_observed_at = greatest(v.last_observed_at, o.observed_at)
              from latest l
              join inventory_observation o on o.tenant_id = l.tenant_id and o.container_id = l.container_id
              join container c on c.tenant_id = l.tenant_id and c.container_id = l.container_id
             where o.scan_id = ? and v.tenant_id = l.tenant_id and v.container_id = l.container_id
               and v.valid_from = l.valid_from and (c.gone_at is not null or o.pass < ?) and """ + " " + SAME;

    /**
     * Parameters: scan id, scan id. A changed container not gone: its latest version was seen until the tenant's
     * previous complete scan, which is written into it before a new version follows it.
     */
    static final String SEAL_CHANGED_VERSIONS = "with " + LATEST + """
            update container_version v
               set last_observed_at = s.seen_at
              from latest l
              join inventory_observation o on o.tenant_id = l.tenant_id and o.container_id = l.container_id
              join container c on c.tenant_id = l.tenant_id and c.container_id = l.container_id
              join inventory_sweep s on s.tenant_id = l.tenant_id
             where o.scan_id = ? and v.tenant_id = l.tenant_id and v.container_id = l.container_id
               and v.valid_from = l.valid_from and c.gone_at is null and s.seen_at > v.last_observed_at
               and not (""" + " " + SAME + ")";

    /** Parameters: scan id, scan id. */
    static final String OPEN_CHANGED_VERSIONS = "with " + LATEST + """
            insert into container_version (tenant_id, container_id, valid_from, first_observed_at, last_observed_at,
              status, charge_type, spec_id, use_public_network, network_charge_type, bandwidth, image_id, name)
            select o.tenant_id, o.container_id,
                   case when l.container_id is null then o.created_at
                        else greatest(least(coalesce(o.updated_at, o.observed_at), o.observed_at),
                                      l.last_observed_at, l.valid_from + interval '1 millisecond') end,
                   o.observed_at, o.observed_at,
                   o.status, o.charge_type, o.spec_id, o.use_public_network, o.network_charge_type, o.bandwidth,
                   o.image_id, o.name
            from inventory_observation o
            left join latest l on l.tenant_id = o.tenant_id and l.container_id = o.container_id
            where o.scan_id = ? and (l.container_id is null or not (""" + " " + SAME + "))";

    /**
     * Parameters: scan id, last pass. A container back after being gone, renamed, or seen only by an earlier pass of
     * the scan.
     */
    static final String UPDATE_CHANGED_CONTAINERS = """
            update container c
               set name = o.name, last_seen_at = greatest(c.last_seen_at, o.observed_at), gone_at = null
              from inventory_observation o
             where o.scan_id = ? and c.tenant_id = o.tenant_id and c.container_id = o.container_id
               and (c.gone_at is not null or c.name is distinct from o.name or o.pass < ?)
            """;

    private InventorySql() {
    }
}

-- The latest complete inventory scan of each API account of each tenant (account: the name within the tenant, as in
-- coalesce(container.account, container.tenant_id)). Every container of the account not gone was seen by it (listed,
-- or asked for directly), so the scan's merge writes only the containers that changed (new, gone, back, moved
-- between accounts, renamed, attributes changed) and no longer moves container.last_seen_at and
-- container_version.last_observed_at of the unchanged ones: for a container not gone, last seen is the later of its
-- own last_seen_at and the seen_at of its account; the scan that finds it gone, or changed, writes that into its rows
-- first.
create table inventory_sweep (
  tenant_id varchar(64) not null,
  account varchar(64) not null,
  seen_at timestamptz not null,
  scan_id bigint not null,
  constraint inventory_sweep_pkey primary key (tenant_id, account),
  constraint inventory_sweep_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id)
);

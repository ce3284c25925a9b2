-- Exact bills from imperfect data.

-- An hour is always written; only its traffic may be unknown. Pending traffic (unavailable, malformed or
-- implausible) is read again by the recheck of later runs; traffic of a container gone before it was read is not.
alter table usage_hour add column traffic_pending boolean not null default false;

create index usage_hour_pending on usage_hour (tenant_id, window_start) where traffic_pending;

-- A scan is a sequence of passes over the list; each observation remembers the last pass that saw it.
alter table inventory_observation add column pass smallint not null default 1;

-- Hours written or changed in windows an earlier run had closed (late containers, cured pending traffic,
-- refreshes): the days they belong to are billed again, then their rows here are removed.
create table usage_change (
  tenant_id varchar(64) not null,
  window_start timestamptz not null,
  primary key (tenant_id, window_start)
);

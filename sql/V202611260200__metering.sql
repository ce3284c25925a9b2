-- Metering: what the container API told us, kept as history, and the usage of each container per clock hour.

-- One row per container ever seen. gone_at is set when GET /containers/{id} answered 404.
create table container (
  tenant_id varchar(64) not null references flowbill_tenant (tenant_id),
  container_id bigint not null,
  name varchar(512),
  created_at timestamptz not null,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  gone_at timestamptz,
  primary key (tenant_id, container_id)
);

-- The billing-relevant attributes of a container over time. A version applies from valid_from until the
-- next version's valid_from; first/last_observed_at say when flowbill actually saw it.
create table container_version (
  tenant_id varchar(64) not null,
  container_id bigint not null,
  valid_from timestamptz not null,
  first_observed_at timestamptz not null,
  last_observed_at timestamptz not null,
  status varchar(64) not null,
  charge_type smallint not null,
  spec_id integer not null,
  use_public_network smallint,
  network_charge_type smallint,
  bandwidth integer,
  image_id bigint,
  name varchar(512),
  primary key (tenant_id, container_id, valid_from),
  foreign key (tenant_id, container_id) references container (tenant_id, container_id)
);

-- One inventory scan's observations, deduplicated by id (the list can change while paging).
create table inventory_observation (
  scan_id bigint not null,
  tenant_id varchar(64) not null,
  container_id bigint not null,
  observed_at timestamptz not null,
  source varchar(16) not null,
  name varchar(512),
  status varchar(64) not null,
  charge_type smallint not null,
  spec_id integer not null,
  use_public_network smallint,
  network_charge_type smallint,
  bandwidth integer,
  image_id bigint,
  created_at timestamptz not null,
  updated_at timestamptz,
  primary key (scan_id, container_id)
);

create sequence inventory_scan_seq;

-- Usage of one container in one clock hour [window_start, window_start + 1 hour), UTC.
create table usage_hour (
  tenant_id varchar(64) not null,
  container_id bigint not null,
  window_start timestamptz not null,
  status varchar(64) not null,
  billable boolean not null,
  charge_type smallint not null,
  spec_id integer not null,
  use_public_network smallint,
  network_charge_type smallint,
  bandwidth integer,
  active_seconds integer not null check (active_seconds between 0 and 3600),
  up_mb numeric,
  down_mb numeric,
  raw_up varchar(128),
  raw_down varchar(128),
  inferred boolean not null,
  run_id bigint not null,
  metered_at timestamptz not null,
  constraint usage_hour_once unique (tenant_id, container_id, window_start)
);

create index usage_hour_by_window on usage_hour (tenant_id, window_start);

-- Anything metering could not turn into usage: never dropped silently.
create table metering_exception (
  id bigserial primary key,
  tenant_id varchar(64) not null,
  container_id bigint not null,
  window_start timestamptz not null,
  kind varchar(32) not null,
  raw_value varchar(512),
  message varchar(2000) not null,
  run_id bigint not null,
  resolved boolean not null default false,
  created_at timestamptz not null default now(),
  constraint metering_exception_once unique (tenant_id, container_id, window_start, kind)
);

-- Windows whose metering completed; a later run skips them unless asked to refresh.
create table metered_window (
  tenant_id varchar(64) not null,
  window_start timestamptz not null,
  run_id bigint not null,
  containers integer not null,
  completed_at timestamptz not null,
  primary key (tenant_id, window_start)
);

-- What a refresh changed: late data is normal, and silent rewrites are not.
create table usage_revision (
  id bigserial primary key,
  tenant_id varchar(64) not null,
  container_id bigint not null,
  window_start timestamptz not null,
  old_up_mb numeric,
  new_up_mb numeric,
  old_down_mb numeric,
  new_down_mb numeric,
  run_id bigint not null,
  revised_at timestamptz not null default now()
);

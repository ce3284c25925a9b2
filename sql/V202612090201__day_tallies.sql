-- One read of the day (docs/performance-profile.md, "One read of the day"): each rating partition's read of the
-- day's usage_hour also counts what the day's rollup (usage_day) and day report need; it stages its counts keyed by
-- the rating run (the job instance) and the partition, replacing what an earlier attempt of that partition staged,
-- and the publish sums the run's partitions in its transaction. The report then reads the day's tables below, not
-- usage_hour.

-- A partition's traffic per charge type and spec (usage_day's traffic).
create table usage_tally_staged (
  run_id bigint not null,
  partition_name varchar(128) not null,
  tenant_id varchar(64) not null,
  charge_date date not null,
  charge_type smallint not null,
  spec_id integer not null,
  up_mb numeric not null,
  down_mb numeric not null,
  constraint usage_tally_staged_pkey primary key (run_id, partition_name, charge_type, spec_id)
);
create index usage_tally_staged_by_day on usage_tally_staged (tenant_id, charge_date);

-- A partition's traffic per hour, with its container-hours whose traffic could not be read.
create table hour_tally_staged (
  run_id bigint not null,
  partition_name varchar(128) not null,
  tenant_id varchar(64) not null,
  charge_date date not null,
  window_start timestamptz not null,
  up_mb numeric not null,
  down_mb numeric not null,
  unreadable bigint not null,
  constraint hour_tally_staged_pkey primary key (run_id, partition_name, window_start)
);
create index hour_tally_staged_by_day on hour_tally_staged (tenant_id, charge_date);

-- A partition's metered containers: how many, and those rated to no charge line with the status of their last hour.
create table metered_tally_staged (
  run_id bigint not null,
  partition_name varchar(128) not null,
  tenant_id varchar(64) not null,
  charge_date date not null,
  metered bigint not null,
  constraint metered_tally_staged_pkey primary key (run_id, partition_name)
);
create index metered_tally_staged_by_day on metered_tally_staged (tenant_id, charge_date);

create table unbilled_tally_staged (
  run_id bigint not null,
  partition_name varchar(128) not null,
  tenant_id varchar(64) not null,
  charge_date date not null,
  container_id bigint not null,
  status varchar(64) not null,
  constraint unbilled_tally_staged_pkey primary key (run_id, partition_name, container_id)
);
create index unbilled_tally_staged_by_day on unbilled_tally_staged (tenant_id, charge_date);

-- The published day: its traffic per hour of the billing zone (hours without usage absent) ...
create table usage_hour_day (
  tenant_id varchar(64) not null,
  charge_date date not null,
  window_start timestamptz not null,
  up_mb numeric not null,
  down_mb numeric not null,
  unreadable bigint not null,
  constraint usage_hour_day_pkey primary key (tenant_id, charge_date, window_start)
);

-- ... its metered containers (a row per rated day: the report reads usage_hour for a day without one) ...
create table metered_day (
  tenant_id varchar(64) not null,
  charge_date date not null,
  metered bigint not null,
  constraint metered_day_pkey primary key (tenant_id, charge_date)
);

-- ... and its metered containers without a charge line, with the status of their last metered hour.
create table unbilled_day (
  tenant_id varchar(64) not null,
  charge_date date not null,
  container_id bigint not null,
  status varchar(64) not null,
  constraint unbilled_day_pkey primary key (tenant_id, charge_date, container_id)
);

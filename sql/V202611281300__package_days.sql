-- The package usage of each rated day, per tenant, day in the zone, container and spec: billable package seconds
-- (each hour rounded by the hour rounding of its price version) and the outbound MB of those hours. Rating writes
-- them with the day's charge lines (staged, then published in the same transaction); the month's package overage
-- sums them, so a month-end night reads a month of days, not a month of hours.
create table package_day (
  tenant_id varchar(64) not null,
  charge_date date not null,
  container_id bigint not null,
  spec_id integer not null,
  package_seconds bigint not null check (package_seconds >= 0),
  outbound_mb numeric not null check (outbound_mb >= 0),
  run_id bigint not null,
  primary key (tenant_id, charge_date, container_id, spec_id)
);

-- Staged rows carry no unique index: they are written once per rating (COPY, by several partitions at once) and
-- read once to publish, where the unique keys of package_day and charge_line refuse any row staged twice.
create table package_day_staged (
  tenant_id varchar(64) not null,
  charge_date date not null,
  container_id bigint not null,
  spec_id integer not null,
  package_seconds bigint not null,
  outbound_mb numeric not null
);

alter table charge_line_staged drop constraint charge_line_staged_once;

-- Days rated before package_day existed have no package rows: the month's overage refuses to use them until they
-- are rated again (MonthRating names them); every rating from now on sets the flag.
alter table rated_day add column package_days boolean not null default false;


-- A day of usage is read by window_start alone (rating, the report's traffic): metering writes hours in time order,
-- so a BRIN index finds a day's pages among months of history for almost no upkeep.
create index usage_hour_by_time on usage_hour using brin (window_start);

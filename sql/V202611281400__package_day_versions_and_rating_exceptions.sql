-- Package days per price version: the month's package overage accrues each hour's allowance with the version in
-- effect at the hour's start and prices each version's excess at that version's overage price, so a day with a
-- version change has one row per spec and version.
-- Rows rated before this migration have no price_version (one row per spec and day): the month's overage takes
-- the version in effect at the start of their day when no version takes effect within that day, and refuses such a
-- day (naming it) otherwise, until the day is rated again, which replaces its rows with rows per version.
alter table package_day add column price_version varchar(128);
alter table package_day drop constraint package_day_pkey;
alter table package_day add constraint package_day_once
  unique (tenant_id, charge_date, container_id, spec_id, price_version);
create unique index package_day_once_before_versions on package_day (tenant_id, charge_date, container_id, spec_id)
  where price_version is null;

-- Nullable: rows an unfinished run staged before this migration are published as rows without a version.
alter table package_day_staged add column price_version varchar(128);

-- Container days that rating could not price (an hour without a network charge type, a spec the book does not
-- price, ...), staged by the rating partitions. Publishing the day makes each a metering_exception of kind
-- 'unrateable_day' (window_start = the day's start in the billing zone, raw_value = the first hour that could not
-- be rated), where the exceptions export and the day's figures list it; the day's other containers are billed, and
-- rating the day again once it rates resolves the exception and bills the container.
create table unrateable_day_staged (
  tenant_id varchar(64) not null,
  charge_date date not null,
  container_id bigint not null,
  day_start timestamptz not null,
  first_hour timestamptz not null,
  message varchar(4000) not null
);

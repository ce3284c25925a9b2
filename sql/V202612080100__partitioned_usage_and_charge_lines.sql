-- usage_hour and charge_line become range-partitioned by month (docs/scaling.md, "Partitioned tables and retention"):
-- usage_hour by the UTC month of window_start, charge_line by the month of charge_date. A month's partition is
-- usage_hour_YYYYMM / charge_line_YYYYMM; each table has a default partition (usage_hour_default,
-- charge_line_default) that takes a row whose month has no partition yet, so no write ever fails for want of one;
-- flowbill_month_partition moves such rows into the month's partition when it creates it. The `partitions`
-- maintenance (system/Partitions) creates the coming months ahead and detaches the months past the retention.
-- Every row is copied as it is; the constraints keep their names (the primary keys already hold the partition key).

-- A partition's primary key is named after its parent's: usage_hour_once_202611, charge_line_once_default (not
-- PostgreSQL's usage_hour_202611_pkey), so that a duplicate row is refused naming the rule it breaks.
create function flowbill_name_partition_key(parent text, partition text) returns void
language plpgsql as $$
declare
  generated text;
  rule text;
begin
  select conname into generated from pg_constraint where conrelid = partition::regclass and contype = 'p';
  select conname into rule from pg_constraint where conrelid = parent::regclass and contype = 'p';
  if generated is not null and rule is not null then
    execute format('alter table %I rename constraint %I to %I', partition, generated,
                   rule || substr(partition, length(parent) + 1));
  end if;
end;
$$;

-- The one place that names and bounds a month's partition: creates the partition of `month` (its first day) of
-- usage_hour or charge_line when missing, moving the rows of that month out of the default partition first, and
-- answers its name. Concurrent callers wait for each other on a transaction advisory lock per table, so two processes
-- creating the same month create it once.
create function flowbill_month_partition(parent text, month date) returns text
language plpgsql as $$
declare
  name text := parent || '_' || to_char(month, 'YYYYMM');
  default_name text := parent || '_default';
  key text;
  low text;
  high text;
begin
  if parent = 'usage_hour' then
    key := 'window_start';
    low := quote_literal(to_char(month, 'YYYY-MM-DD') || ' 00:00:00+00');
    high := quote_literal(to_char(month + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
  elsif parent = 'charge_line' then
    key := 'charge_date';
    low := quote_literal(to_char(month, 'YYYY-MM-DD'));
    high := quote_literal(to_char(month + interval '1 month', 'YYYY-MM-DD'));
  else
    raise exception 'flowbill_month_partition: % is not a partitioned table of flowbill', parent;
  end if;
  if extract(day from month) <> 1 then
    raise exception 'flowbill_month_partition: % is not the first day of a month', month;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('partitions:' || parent, 0));
  if to_regclass(name) is not null then
    return name;
  end if;
  if to_regclass(default_name) is not null then
    execute format('create temporary table flowbill_moving (like %I) on commit drop', parent);
    execute format('with moved as (delete from %I where %I >= %s and %I < %s returning *)'
                   ' insert into flowbill_moving select * from moved', default_name, key, low, key, high);
  end if;
  execute format('create table %I partition of %I for values from (%s) to (%s)', name, parent, low, high);
  perform flowbill_name_partition_key(parent, name);
  if to_regclass(default_name) is not null then
    execute format('insert into %I select * from flowbill_moving', parent);
    drop table flowbill_moving;
  end if;
  return name;
end;
$$;

-- Archives the partition of `month` of usage_hour or charge_line: detaches it and renames it
-- <parent>_archive_YYYYMM, a plain table with its rows, indexes and constraints for the operator to dump and drop
-- (docs/operations.md). Answers the archive's name, or null when the month has no partition (archived already).
-- DETACH ... CONCURRENTLY is not possible here: it cannot run in a transaction nor beside a default partition.
create function flowbill_archive_partition(parent text, month date) returns text
language plpgsql as $$
declare
  name text := parent || '_' || to_char(month, 'YYYYMM');
  archive text := parent || '_archive_' || to_char(month, 'YYYYMM');
begin
  if parent not in ('usage_hour', 'charge_line') then
    raise exception 'flowbill_archive_partition: % is not a partitioned table of flowbill', parent;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('partitions:' || parent, 0));
  if to_regclass(name) is null then
    return null;
  end if;
  execute format('alter table %I detach partition %I', parent, name);
  execute format('alter table %I rename to %I', name, archive);
  return archive;
end;
$$;

-- The partitioned tables take the names, the old ones keep their rows until they are copied.
alter table usage_hour rename to usage_hour_unpartitioned;
create table usage_hour (like usage_hour_unpartitioned including defaults including constraints)
  partition by range (window_start);
create table usage_hour_default partition of usage_hour default;

alter table charge_line rename to charge_line_unpartitioned;
create table charge_line (like charge_line_unpartitioned including defaults including constraints)
  partition by range (charge_date);
create table charge_line_default partition of charge_line default;

-- Every month from the oldest row's to the newest row's, and last month to three months ahead, gets its
-- partitions before the rows come.
do $$
declare
  month date;
begin
  for month in
    select generate_series(least(first, this_month - interval '1 month'),
                           greatest(last, this_month + interval '3 months'), interval '1 month')::date
      from (select min(m) as first, max(m) as last,
                   date_trunc('month', now() at time zone 'UTC')::date as this_month
              from (select date_trunc('month', min(window_start) at time zone 'UTC')::date as m
                      from usage_hour_unpartitioned
                    union all select date_trunc('month', max(window_start) at time zone 'UTC')::date
                      from usage_hour_unpartitioned
                    union all select date_trunc('month', min(charge_date))::date from charge_line_unpartitioned
                    union all select date_trunc('month', max(charge_date))::date from charge_line_unpartitioned)
                   bounds) months
  loop
    perform flowbill_month_partition('usage_hour', month);
    perform flowbill_month_partition('charge_line', month);
  end loop;
end;
$$;

-- Every row as it is; then the old tables go and their constraint and index names come back on the new ones.
insert into usage_hour select * from usage_hour_unpartitioned;
insert into charge_line select * from charge_line_unpartitioned;
drop table usage_hour_unpartitioned;
drop table charge_line_unpartitioned;

alter table usage_hour add constraint usage_hour_once primary key (tenant_id, container_id, window_start);
alter table usage_hour add constraint usage_hour_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
create index usage_hour_by_window on usage_hour (tenant_id, window_start);
create index usage_hour_by_time on usage_hour using brin (window_start);
create index usage_hour_pending on usage_hour (tenant_id, window_start) where traffic_pending;

alter table charge_line add constraint charge_line_once
  primary key (tenant_id, charge_date, container_id, item, tier, charge_type, spec_id, price_version);
alter table charge_line add constraint charge_line_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);

select flowbill_name_partition_key(i.inhparent::regclass::text, i.inhrelid::regclass::text)
  from pg_inherits i where i.inhparent in ('usage_hour'::regclass, 'charge_line'::regclass);

-- The rated days summed for dashboards and reports, so that a month of days is a few hundred rows instead of a scan
-- of charge_line and usage_hour. Rating keeps both tables: it replaces a day's rows in the transaction that publishes
-- the day's charge lines (a day rated again gets its rows again, equal when nothing changed).

-- The day's charge lines per tenant, item, charge type, spec and currency.
create table charge_day (
  tenant_id varchar(64) not null,
  charge_date date not null,
  item varchar(32) not null,
  charge_type smallint not null,
  spec_id integer not null,
  currency varchar(3) not null,
  amount numeric not null,
  lines integer not null check (lines > 0),
  constraint charge_day_once primary key (tenant_id, charge_date, item, charge_type, spec_id, currency)
);

-- Per tenant, day, charge type and spec: containers with charge lines that day, and the traffic metered in the
-- day's hours (in the billing zone) in MB. Traffic is null on days rated before this table existed: they get it
-- when they are rated again.
create table usage_day (
  tenant_id varchar(64) not null,
  charge_date date not null,
  charge_type smallint not null,
  spec_id integer not null,
  containers integer not null check (containers >= 0),
  up_mb numeric,
  down_mb numeric,
  constraint usage_day_once primary key (tenant_id, charge_date, charge_type, spec_id)
);

insert into charge_day (tenant_id, charge_date, item, charge_type, spec_id, currency, amount, lines)
select tenant_id, charge_date, item, charge_type, spec_id, currency, sum(amount), count(*)
  from charge_line
 group by tenant_id, charge_date, item, charge_type, spec_id, currency;

insert into usage_day (tenant_id, charge_date, charge_type, spec_id, containers)
select tenant_id, charge_date, charge_type, spec_id, count(distinct container_id)
  from charge_line
 group by tenant_id, charge_date, charge_type, spec_id;

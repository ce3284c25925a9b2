-- The month's running sums (docs/billing-rules.md, "Invoice lines: rated once"): the invoice refresh reads them
-- instead of summing the month's daily rows every night. Rating's publish adds a changed day's delta (its staged
-- rows minus the rows it replaces) in the same transaction, so a day rated again replaces its own contribution
-- exactly and a rerun that changes nothing adds nothing. A row whose daily count reaches 0 is deleted.

-- The daily charge lines summed per invoice line: quantity is the exact sum of the daily quantities, amount the
-- line rated once (null until rated: only the rows a delta touched are rated again).
create table month_usage (
  tenant_id varchar(64) not null,
  billing_month date not null,
  container_id bigint not null,
  item varchar(32) not null,
  tier smallint not null,
  charge_type smallint not null,
  spec_id integer not null,
  price_version varchar(128) not null,
  unit_price numeric not null,
  unit varchar(16) not null,
  currency varchar(3) not null,
  quantity numeric not null,
  daily_lines integer not null,
  amount numeric,
  constraint month_usage_once primary key (tenant_id, billing_month, container_id, item, tier, charge_type, spec_id,
    price_version, unit_price, unit, currency),
  constraint month_usage_month_is_first_day check (extract(day from billing_month) = 1),
  constraint month_usage_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id)
);
create index month_usage_unrated on month_usage (tenant_id, billing_month) where amount is null;

-- The package days (with a price version) summed per container, spec and version: the month's package overage.
create table package_month (
  tenant_id varchar(64) not null,
  billing_month date not null,
  container_id bigint not null,
  spec_id integer not null,
  price_version varchar(128) not null,
  package_seconds bigint not null,
  outbound_mb numeric not null,
  package_days integer not null,
  constraint package_month_once primary key (tenant_id, billing_month, container_id, spec_id, price_version),
  constraint package_month_month_is_first_day check (extract(day from billing_month) = 1),
  constraint package_month_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id)
);

-- Moved by every publish that changed a tenant's day, in its transaction: a close whose draft was refreshed at the
-- current count (and with the same prices) has nothing new to refresh.
create table tenant_change (
  tenant_id varchar(64) not null,
  changes bigint not null,
  constraint tenant_change_pkey primary key (tenant_id),
  constraint tenant_change_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id)
);

-- What the last refresh of a draft saw: the tenant's change count and the digest of its price book and plan.
create table invoice_refresh (
  tenant_id varchar(64) not null,
  billing_month date not null,
  changes bigint not null,
  prices_digest varchar(64) not null,
  constraint invoice_refresh_pkey primary key (tenant_id, billing_month),
  constraint invoice_refresh_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id)
);

insert into month_usage (tenant_id, billing_month, container_id, item, tier, charge_type, spec_id, price_version,
  unit_price, unit, currency, quantity, daily_lines)
select tenant_id, cast(date_trunc('month', charge_date) as date), container_id, item, tier, charge_type, spec_id,
       price_version, unit_price, unit, currency, sum(quantity), count(*)
  from charge_line
 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;

insert into package_month (tenant_id, billing_month, container_id, spec_id, price_version, package_seconds,
  outbound_mb, package_days)
select tenant_id, cast(date_trunc('month', charge_date) as date), container_id, spec_id, price_version,
       sum(package_seconds), sum(outbound_mb), count(*)
  from package_day
 where price_version is not null
 group by 1, 2, 3, 4, 5;

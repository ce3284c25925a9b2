-- Rating: the daily charge lines of every container, and the month-level lines (package overage).
-- A line's amount is round(quantity x unit_price) at the currency's minor unit (HALF_UP, io.flowbill.pricing.Rounding);
-- the check below holds every stored line to that equation, as printed.

-- One line per (tenant, day in the billing zone, container, item, tier, charge type, spec, price version).
-- tier is the 1-based bandwidth tier, 0 for every other item. A re-rating replaces a day's lines as a whole.
create table charge_line (
  tenant_id varchar(64) not null,
  charge_date date not null,
  container_id bigint not null,
  item varchar(32) not null,
  tier smallint not null check (tier >= 0),
  charge_type smallint not null,
  spec_id integer not null,
  price_version varchar(128) not null,
  quantity numeric(24, 9) not null check (quantity >= 0),
  unit varchar(16) not null,
  unit_price numeric not null check (unit_price >= 0),
  amount numeric not null,
  currency varchar(3) not null,
  run_id bigint not null,
  constraint charge_line_once unique (tenant_id, charge_date, container_id, item, tier, charge_type, spec_id, price_version),
  constraint charge_line_amount_rule check (amount = round(quantity * unit_price, scale(amount)))
);

-- The lines one rating run computed for a day, before they replace the day's lines in one transaction.
create table charge_line_staged (
  tenant_id varchar(64) not null,
  charge_date date not null,
  container_id bigint not null,
  item varchar(32) not null,
  tier smallint not null,
  charge_type smallint not null,
  spec_id integer not null,
  price_version varchar(128) not null,
  quantity numeric(24, 9) not null,
  unit varchar(16) not null,
  unit_price numeric not null,
  amount numeric not null,
  currency varchar(3) not null,
  constraint charge_line_staged_once unique (tenant_id, charge_date, container_id, item, tier, charge_type, spec_id,
    price_version)
);

-- Days that have been rated; run_id and changed_at name the run that last changed the day's lines.
create table rated_day (
  charge_date date primary key,
  run_id bigint not null,
  lines integer not null,
  changed_at timestamptz not null
);

-- Month-level lines (package_overage), per tenant, calendar month in the zone, container, spec and price version.
create table month_charge_line (
  tenant_id varchar(64) not null,
  billing_month date not null check (extract(day from billing_month) = 1),
  container_id bigint not null,
  item varchar(32) not null,
  charge_type smallint not null,
  spec_id integer not null,
  price_version varchar(128) not null,
  quantity numeric(24, 9) not null check (quantity >= 0),
  unit varchar(16) not null,
  unit_price numeric not null check (unit_price >= 0),
  amount numeric not null,
  currency varchar(3) not null,
  changed_at timestamptz not null,
  constraint month_charge_line_once unique (tenant_id, billing_month, container_id, item, spec_id, price_version),
  constraint month_charge_line_amount_rule check (amount = round(quantity * unit_price, scale(amount)))
);

-- Monthly invoices per tenant and calendar month in the billing zone: DRAFT while open (recomputed on every run),
-- FINAL after close (never changed again; later corrections become adjustment lines on the next open invoice).
create table invoice (
  id bigserial primary key,
  tenant_id varchar(64) not null references flowbill_tenant (tenant_id),
  billing_month date not null check (extract(day from billing_month) = 1),
  status varchar(8) not null check (status in ('DRAFT', 'FINAL')),
  currency varchar(3) not null,
  total numeric not null,
  lines integer not null,
  changed_at timestamptz not null,
  closed_at timestamptz,
  constraint invoice_once unique (tenant_id, billing_month),
  constraint invoice_closed_when_final check ((status = 'FINAL') = (closed_at is not null))
);

-- An invoice's lines: the month's daily lines summed per container, item, tier and unit price (amounts added,
-- not re-rounded), the month-level lines, and adjustments (item 'adjustment', corrects_month set, quantity 1,
-- unit_price = amount = the difference to what the closed month billed).
create table invoice_line (
  invoice_id bigint not null references invoice (id),
  container_id bigint not null,
  item varchar(32) not null,
  tier smallint not null check (tier >= 0),
  unit_price numeric not null,
  corrects_month date,
  quantity numeric(24, 9) not null,
  unit varchar(16) not null,
  amount numeric not null,
  currency varchar(3) not null,
  constraint invoice_line_adjustment_names_its_month check ((item = 'adjustment') = (corrects_month is not null))
);

create unique index invoice_line_once on invoice_line
  (invoice_id, container_id, item, tier, unit_price, coalesce(corrects_month, date '0001-01-01'));

-- The lines a refresh computed for an invoice, before they replace its lines in one transaction.
create table invoice_line_staged (
  invoice_id bigint not null,
  container_id bigint not null,
  item varchar(32) not null,
  tier smallint not null,
  unit_price numeric not null,
  corrects_month date,
  quantity numeric(24, 9) not null,
  unit varchar(16) not null,
  amount numeric not null,
  currency varchar(3) not null
);

create index invoice_line_staged_by_invoice on invoice_line_staged (invoice_id);

-- A closed month one of whose days was rated again after its close: the next open invoice of the tenant carries
-- the difference as adjustments. Written once per month; its presence is what counts.
create table closed_month_rerated (
  tenant_id varchar(64) not null,
  billing_month date not null,
  first_rerated_at timestamptz not null,
  primary key (tenant_id, billing_month)
);

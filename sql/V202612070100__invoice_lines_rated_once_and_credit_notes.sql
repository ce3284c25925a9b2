-- Invoice lines are rated once (docs/billing-rules.md, "Invoice lines: rated once"): a line's amount is
-- round(quantity x unit price) at the currency's minor unit, as charge_line's. Lines of invoices written by earlier
-- releases summed daily-rounded amounts and are kept as billed: the rule holds every line written from now on.
alter table invoice_line add constraint invoice_line_amount_rule
  check (amount = round(quantity * unit_price, scale(amount))) not valid;

-- A credit note (红字发票) returns what a downward correction of a closed month takes off its FINAL invoice: one per
-- correction found, numbered <tenant>-CN-<YYYYMM>-<n> (the month corrected) in its own series, never changed once
-- issued; its files are written to the folder of the month whose refresh issued it (issued_in_month).
create table credit_note (
  id bigserial,
  tenant_id varchar(64) not null,
  corrects_month date not null,
  sequence integer not null,
  corrects_invoice_id bigint not null,
  issued_in_month date not null,
  currency varchar(3) not null,
  subtotal numeric not null,
  tax_rate numeric not null,
  tax numeric not null,
  total numeric not null,
  lines integer not null,
  issued_at timestamptz not null,
  constraint credit_note_pkey primary key (id),
  constraint credit_note_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id),
  constraint credit_note_invoice_fkey foreign key (corrects_invoice_id) references invoice (id),
  constraint credit_note_once unique (tenant_id, corrects_month, sequence),
  constraint credit_note_month_is_first_day check (extract(day from corrects_month) = 1),
  constraint credit_note_sequence_positive check (sequence >= 1),
  constraint credit_note_takes_off check (subtotal < 0 and total = subtotal + tax),
  constraint credit_note_currency_iso check (currency ~ '^[A-Z]{3}$')
);

-- A credit note's lines: per container whose amount changed, quantity 1, unit the month corrected, unit price =
-- amount = the difference (a line may be positive, e.g. a plan's shortfall rising as usage falls; the note's total
-- is negative).
create table credit_note_line (
  credit_note_id bigint not null,
  container_id bigint not null,
  quantity numeric(24, 9) not null,
  unit varchar(16) not null,
  unit_price numeric not null,
  amount numeric not null,
  currency varchar(3) not null,
  constraint credit_note_line_pkey primary key (credit_note_id, container_id),
  constraint credit_note_line_note_fkey foreign key (credit_note_id) references credit_note (id),
  constraint credit_note_line_is_a_difference check (amount <> 0 and quantity = 1 and unit_price = amount)
);

-- The nightly invoice refresh writes only the lines whose month sums changed since its last refresh
-- (docs/billing-rules.md, "Invoice lines: rated once"). A publish that changes a month_usage row marks it; a row whose
-- daily count reaches 0 stays, marked, until the refresh has removed its invoice line. The refresh claims the marked
-- rows (clearing the mark in the statement that reads them) and writes their lines; every row starts marked, so the
-- first refresh after this migration compares them all.
alter table month_usage add column changed_since_refresh boolean not null default true;
create index month_usage_changed_since_refresh on month_usage (tenant_id, billing_month) where changed_since_refresh;

-- Whether the draft's usage lines equal its month's unmarked running sums, so that a refresh may write the marked rows'
-- lines only. Set by a refresh; cleared when the sums are rebuilt from the daily rows. Until then a refresh compares
-- all lines, as before.
alter table invoice_refresh add column lines_follow_sums boolean not null default false;

-- A staged line of a marked month_usage row keeps the row's daily count (0: the line is to go); null for the
-- month-level lines and adjustments.
alter table invoice_line_staged add column daily_lines integer;

-- The lines a refresh compares whole (month-level lines and adjustments: io.flowbill.invoicing.InvoiceSql#notUsage),
-- found without reading the invoice's usage lines.
create index invoice_line_not_usage on invoice_line (invoice_id)
  where corrects_month is not null or item in ('package_overage', 'discount', 'commitment_shortfall');

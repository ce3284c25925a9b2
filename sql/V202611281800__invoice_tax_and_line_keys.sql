-- An invoice's tax: total = subtotal + tax, tax = round(subtotal x tax_rate) at the currency's minor unit, once per
-- invoice (io.flowbill.pricing.Rounding; docs/billing-rules.md, "Tax"). tax_version names the price version whose
-- tax-rate applied: the one in effect at the month's last second. Invoices written before have no tax.
alter table invoice add column subtotal numeric not null default 0;
alter table invoice add column tax_rate numeric not null default 0 check (tax_rate >= 0 and tax_rate <= 1);
alter table invoice add column tax numeric not null default 0;
alter table invoice add column tax_version varchar(128);
update invoice set subtotal = total;
alter table invoice add constraint invoice_total_is_subtotal_plus_tax check (total = subtotal + tax);

-- An invoice line now sums the daily lines per container, item, tier, charge type, spec, price version and unit
-- price, so the invoice says which spec and version each line bills; adjustments have none of the three. Lines of
-- invoices written before keep them empty.
alter table invoice_line add column charge_type smallint;
alter table invoice_line add column spec_id integer;
alter table invoice_line add column price_version varchar(128);
alter table invoice_line_staged add column charge_type smallint;
alter table invoice_line_staged add column spec_id integer;
alter table invoice_line_staged add column price_version varchar(128);

drop index invoice_line_once;
create unique index invoice_line_once on invoice_line
  (invoice_id, container_id, item, tier, unit_price, coalesce(corrects_month, date '0001-01-01'),
   coalesce(charge_type, -1), coalesce(spec_id, -1), coalesce(price_version, ''));

-- Price plans (README, "Price plans"): a plan's month-level lines, `discount` (negative) and `commitment_shortfall`,
-- are stored in month_charge_line as lines of the tenant, not of a container: container_id 0, charge_type 0,
-- spec_id 0, the plan version as price_version. A discount's unit names what it discounts (an item, or `bill`),
-- so the unit joins the keys of month-level and invoice lines; for every other item the unit follows the item.
alter table month_charge_line drop constraint month_charge_line_once;
alter table month_charge_line add constraint month_charge_line_once
  unique (tenant_id, billing_month, container_id, item, spec_id, price_version, unit);

-- A discount's unit price is minus its rate (quantity = the discounted amount); every other price stays >= 0.
alter table month_charge_line drop constraint month_charge_line_unit_price_check;
alter table month_charge_line add constraint month_charge_line_unit_price_sign
  check (unit_price >= 0 or item = 'discount');

drop index invoice_line_once;
create unique index invoice_line_once on invoice_line
  (invoice_id, container_id, item, tier, unit_price, unit, coalesce(corrects_month, date '0001-01-01'),
   coalesce(charge_type, -1), coalesce(spec_id, -1), coalesce(price_version, ''));

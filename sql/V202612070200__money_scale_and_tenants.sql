-- The schema enforces money (docs/billing-rules.md, "What the schema refuses"): amounts in the currency's minor unit
-- (at most 2 decimals: the price book loader refuses currencies with more), ISO currency codes, tenants that exist,
-- a primary key on every fact table, and a name on every constraint.

-- 1. Tenants. flowbill_tenant is the tenant table: the application registers its configured accounts at every start
-- (accounts/TenantRegistration); here every tenant name already in the data is registered first, so the foreign keys
-- below hold for every existing row.
insert into flowbill_tenant (tenant_id)
select tenant_id from container
union select tenant_id from container_version
union select tenant_id from inventory_observation
union select tenant_id from usage_hour
union select tenant_id from metering_exception
union select tenant_id from metered_window
union select tenant_id from usage_revision
union select tenant_id from usage_change
union select tenant_id from charge_line
union select tenant_id from charge_line_staged
union select tenant_id from package_day
union select tenant_id from package_day_staged
union select tenant_id from unrateable_day_staged
union select tenant_id from month_charge_line
union select tenant_id from charge_day
union select tenant_id from usage_day
union select tenant_id from rated_day
union select tenant_id from billed_day
union select tenant_id from invoice
union select tenant_id from closed_month_rerated
union select tenant_id from credit_note
on conflict (tenant_id) do nothing;

-- Foreign keys known only by PostgreSQL's generated names get stable ones.
alter table container rename constraint container_tenant_id_fkey to container_tenant_fkey;
alter table container_version rename constraint container_version_tenant_id_container_id_fkey
  to container_version_container_fkey;
alter table invoice rename constraint invoice_tenant_id_fkey to invoice_tenant_fkey;
alter table invoice_line rename constraint invoice_line_invoice_id_fkey to invoice_line_invoice_fkey;

alter table container_version add constraint container_version_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table inventory_observation add constraint inventory_observation_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table usage_hour add constraint usage_hour_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table metering_exception add constraint metering_exception_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table metered_window add constraint metered_window_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table usage_revision add constraint usage_revision_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table usage_change add constraint usage_change_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table charge_line add constraint charge_line_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table charge_line_staged add constraint charge_line_staged_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table package_day add constraint package_day_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table package_day_staged add constraint package_day_staged_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table unrateable_day_staged add constraint unrateable_day_staged_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table month_charge_line add constraint month_charge_line_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table charge_day add constraint charge_day_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table usage_day add constraint usage_day_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table rated_day add constraint rated_day_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table billed_day add constraint billed_day_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table closed_month_rerated add constraint closed_month_rerated_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);

-- 2. Primary keys. The idempotency keys of usage_hour, charge_line and month_charge_line have no nullable column: each
-- becomes the table's primary key under its old name (ON CONFLICT and the documents name them). invoice_line's key
-- has nullable columns (corrects_month of usage lines; charge_type, spec_id, price_version of adjustments and of
-- lines written before those columns existed), which a primary key cannot hold: it gets a generated id as its
-- primary key and keeps its unique index invoice_line_once as the idempotency rule.
alter table usage_hour drop constraint usage_hour_once;
alter table usage_hour add constraint usage_hour_once primary key (tenant_id, container_id, window_start);

alter table charge_line drop constraint charge_line_once;
alter table charge_line add constraint charge_line_once
  primary key (tenant_id, charge_date, container_id, item, tier, charge_type, spec_id, price_version);

alter table month_charge_line drop constraint month_charge_line_once;
alter table month_charge_line add constraint month_charge_line_once
  primary key (tenant_id, billing_month, container_id, item, spec_id, price_version, unit);

alter table invoice_line add column id bigint generated always as identity;
alter table invoice_line add constraint invoice_line_pkey primary key (id);

-- 3. Checks known only by PostgreSQL's generated names get stable ones.
alter table usage_hour rename constraint usage_hour_active_seconds_check to usage_hour_active_seconds_in_hour;
alter table charge_line rename constraint charge_line_quantity_check to charge_line_quantity_not_negative;
alter table charge_line rename constraint charge_line_tier_check to charge_line_tier_not_negative;
alter table charge_line rename constraint charge_line_unit_price_check to charge_line_unit_price_not_negative;
alter table month_charge_line rename constraint month_charge_line_billing_month_check
  to month_charge_line_month_is_first_day;
alter table month_charge_line rename constraint month_charge_line_quantity_check
  to month_charge_line_quantity_not_negative;
alter table invoice rename constraint invoice_billing_month_check to invoice_month_is_first_day;
alter table invoice rename constraint invoice_status_check to invoice_status_known;
alter table invoice rename constraint invoice_tax_rate_check to invoice_tax_rate_fraction;
alter table invoice_line rename constraint invoice_line_tier_check to invoice_line_tier_not_negative;
alter table package_day rename constraint package_day_outbound_mb_check to package_day_outbound_mb_not_negative;
alter table package_day rename constraint package_day_package_seconds_check
  to package_day_package_seconds_not_negative;
alter table charge_day rename constraint charge_day_lines_check to charge_day_lines_positive;
alter table usage_day rename constraint usage_day_containers_check to usage_day_containers_not_negative;

-- 4. Money: every amount is a whole number of minor units (scale <= 2 as a value: 1.50 and 1.5 alike, 0.4995 not).
-- Every release wrote amounts through pricing/Rounding at the currency's minor unit (CNY, 2), invoices closed by
-- older releases included: their lines and totals are sums of such amounts, the `rounding` line of their documents a
-- difference of two such sums. So, unlike invoice_line_amount_rule (NOT VALID: old lines summed daily-rounded
-- amounts), these checks hold every existing row: a row that breaks one stops the migration naming the constraint,
-- and a closed invoice is never rewritten to make it pass. (NOT VALID followed by VALIDATE would gain nothing here:
-- Flyway runs the file in one transaction, which keeps the ADD's lock until it commits.)
-- Quantities keep the scale of their type (numeric(24, 9), pricing/Rounding.QUANTITY_SCALE); unit prices come from
-- the price book as written (0.039 per hour), a discount's is minus its rate, so they are not held to a scale.
alter table charge_line add constraint charge_line_amount_scale check (amount = round(amount, 2));
alter table month_charge_line add constraint month_charge_line_amount_scale check (amount = round(amount, 2));
alter table charge_day add constraint charge_day_amount_scale check (amount = round(amount, 2));
alter table invoice_line add constraint invoice_line_amount_scale check (amount = round(amount, 2));
alter table invoice add constraint invoice_money_scale
  check (total = round(total, 2) and subtotal = round(subtotal, 2) and tax = round(tax, 2));
alter table credit_note add constraint credit_note_money_scale
  check (total = round(total, 2) and subtotal = round(subtotal, 2) and tax = round(tax, 2));
alter table credit_note_line add constraint credit_note_line_amount_scale check (amount = round(amount, 2));

-- 5. Currencies are ISO 4217 codes, as credit_note's already are.
alter table charge_line add constraint charge_line_currency_iso check (currency ~ '^[A-Z]{3}$');
alter table month_charge_line add constraint month_charge_line_currency_iso check (currency ~ '^[A-Z]{3}$');
alter table charge_day add constraint charge_day_currency_iso check (currency ~ '^[A-Z]{3}$');
alter table invoice add constraint invoice_currency_iso check (currency ~ '^[A-Z]{3}$');
alter table invoice_line add constraint invoice_line_currency_iso check (currency ~ '^[A-Z]{3}$');
alter table credit_note_line add constraint credit_note_line_currency_iso check (currency ~ '^[A-Z]{3}$');

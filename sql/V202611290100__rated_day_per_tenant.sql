-- A day is rated per tenant (ratingJob's parameters are tenant and date): rated_day gets the tenant in its key. Until
-- now one rating rated every tenant's day at once, so a day rated before counts as rated for every known tenant.
alter table rated_day add column tenant_id varchar(64);

insert into rated_day (tenant_id, charge_date, run_id, lines, changed_at, package_days)
select t.tenant_id, r.charge_date, r.run_id,
       (select count(*) from charge_line c where c.charge_date = r.charge_date and c.tenant_id = t.tenant_id),
       r.changed_at, r.package_days
  from rated_day r cross join flowbill_tenant t
 where r.tenant_id is null;

delete from rated_day where tenant_id is null;

alter table rated_day drop constraint rated_day_pkey;
alter table rated_day alter column tenant_id set not null;
alter table rated_day add constraint rated_day_pkey primary key (tenant_id, charge_date);

-- serve bills each account's day on its own: billed_day gets the tenant in its key, and a day billed before counts
-- as billed for every known tenant (the rating it ran covered them all).
alter table billed_day add column tenant_id varchar(64);

insert into billed_day (tenant_id, charge_date, billed_at)
select t.tenant_id, b.charge_date, b.billed_at from billed_day b cross join flowbill_tenant t where b.tenant_id is null;

delete from billed_day where tenant_id is null;

alter table billed_day drop constraint billed_day_pkey;
alter table billed_day alter column tenant_id set not null;
alter table billed_day add constraint billed_day_pkey primary key (tenant_id, charge_date);

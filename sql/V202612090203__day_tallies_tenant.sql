-- The day's tallies (V202612090201) name their tenant like every other table: a tenant_id that is no tenant is refused.
alter table usage_tally_staged add constraint usage_tally_staged_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table hour_tally_staged add constraint hour_tally_staged_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table metered_tally_staged add constraint metered_tally_staged_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table unbilled_tally_staged add constraint unbilled_tally_staged_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table usage_hour_day add constraint usage_hour_day_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table metered_day add constraint metered_day_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table unbilled_day add constraint unbilled_day_tenant_fkey foreign key (tenant_id) references flowbill_tenant (tenant_id);

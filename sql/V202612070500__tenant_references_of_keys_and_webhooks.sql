-- The tables of this release made after V202612070200 (webhook deliveries, API keys) reference the tenant table too,
-- like every other tenant column: a key or a delivery names a tenant flowbill knows (the application registers its
-- configured accounts at every start, before anything writes).
insert into flowbill_tenant (tenant_id)
select tenant_id from webhook_delivery
union
select tenant_id from api_key
on conflict do nothing;

alter table webhook_delivery add constraint webhook_delivery_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);
alter table api_key add constraint api_key_tenant_fkey
  foreign key (tenant_id) references flowbill_tenant (tenant_id);

-- names that say the rule, not PostgreSQL's generated pattern
alter table api_key rename constraint api_key_role_check to api_key_role_known;
alter table api_key rename constraint api_key_secret_sha256_check to api_key_secret_sha256_hex;
alter table api_key rename constraint api_key_secret_sha256_key to api_key_secret_once;

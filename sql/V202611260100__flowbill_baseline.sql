-- flowbill's own schema starts here; Spring Batch's tables come from the spring-batch jar (V202611260000).
create table flowbill_tenant (
  tenant_id varchar(64) primary key,
  created_at timestamptz not null default now()
);

insert into flowbill_tenant (tenant_id) values ('default');

-- API keys of the HTTP API (docs/security.md): the key is shown once when created; only the SHA-256 of its secret
-- part is kept. The tenant is its name (a key may be made before the tenant's first metering run).
create table api_key (
  key_id varchar(32) not null,
  tenant_id varchar(64) not null,
  role varchar(16) not null,
  name varchar(200),
  secret_sha256 char(64) not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  constraint api_key_pkey primary key (key_id),
  constraint api_key_role_check check (role in ('reader', 'admin')),
  constraint api_key_secret_sha256_check check (secret_sha256 ~ '^[0-9a-f]{64}$'),
  constraint api_key_secret_sha256_key unique (secret_sha256)
);

create index api_key_tenant_idx on api_key (tenant_id);

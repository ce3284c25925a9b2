-- Webhooks (docs/webhooks.md): an outbox. Each event is written in the transaction of the fact it announces, one row
-- per configured endpoint of its tenant, and `serve` sends the rows that are due. The endpoint's secret is never
-- stored here: only its URL.
create table webhook_delivery (
  id bigserial constraint webhook_delivery_pk primary key,
  event_id uuid not null,
  tenant_id varchar(64) not null,
  event_type varchar(64) not null,
  -- the exact body sent (json keeps the text as written, so every retry signs the same bytes)
  payload json not null,
  endpoint_url text not null,
  status varchar(16) not null default 'PENDING'
    constraint webhook_delivery_status_ck check (status in ('PENDING', 'DELIVERED', 'FAILED')),
  attempts integer not null default 0 constraint webhook_delivery_attempts_ck check (attempts >= 0),
  created_at timestamptz not null,
  -- when the current series of attempts began (created_at, or a replay); retries end 24 h after it
  retrying_since timestamptz not null,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  last_response_code integer,
  last_error text,
  delivered_at timestamptz,
  -- an event is the same event on a rerun (its id is derived from what it announces): nothing twice per endpoint
  constraint webhook_delivery_event_endpoint_uq unique (event_id, endpoint_url)
);

create index webhook_delivery_due_ix on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_tenant_ix on webhook_delivery (tenant_id, status);

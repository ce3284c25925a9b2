-- A usage change records the transaction that wrote it (again on conflict), so that billing a day clears only the
-- changes its rating could see: a change another process writes while the day is being rated stays recorded and the
-- day is billed again (docs/billing-rules.md, "Pending traffic and the recheck").
alter table usage_change add column recorded_by xid8 not null default pg_current_xact_id();

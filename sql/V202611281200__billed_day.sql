-- Days the serve scheduler billed completely (metered, rated, invoiced, exported). The next day it bills is the one
-- after the last row; a day billed again (by a restart or a second instance) keeps its one row.
create table billed_day (
  charge_date date primary key,
  billed_at timestamptz not null
);

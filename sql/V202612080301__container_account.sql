-- A tenant may span several API accounts of the cloud (flowbill.accounts entries with the same tenant). The
-- inventory keeps which account listed each container, so that one account's scan asks only after its own
-- containers (a container another account lists is not gone) and each flow partition calls the account that has
-- the container. Null: the account named like the tenant (every row written before this column, and a tenant of
-- one account). Adding a nullable column without a default rewrites no row.
alter table container add column account varchar(64);

alter table container add constraint container_account_name
  check (account is null or account ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$');

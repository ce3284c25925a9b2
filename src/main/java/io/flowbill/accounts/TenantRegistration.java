package io.flowbill.accounts;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registers every configured account's tenant in {@code flowbill_tenant} once the schema exists and before any job,
 * command or worker of this process writes a row: every tenant column references that table
 * (docs/billing-rules.md, "What the schema refuses"). Idempotent; a tenant no longer configured stays registered,
 * since its bills do.
 */
@Component
@DependsOnDatabaseInitialization
class TenantRegistration {

    TenantRegistration(Accounts accounts, DataSource dataSource) {
        List<Object[]> tenants = accounts.tenants().stream().map(tenant -> new Object[] { tenant }).toList();
        new JdbcTemplate(dataSource).batchUpdate(
                "insert into flowbill_tenant (tenant_id) values (?) on conflict (tenant_id) do nothing", tenants);
    }
}

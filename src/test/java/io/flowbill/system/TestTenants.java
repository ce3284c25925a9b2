package io.flowbill.system;

import java.util.Arrays;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Registers tenants for tests that write rows straight into the billing tables: every tenant column references
 * {@code flowbill_tenant}, which the application fills from its configured accounts at start
 * ({@code accounts/TenantRegistration}), not from whatever a fixture inserts.
 */
public final class TestTenants {

    private TestTenants() {
    }

    public static void register(JdbcTemplate jdbc, String... tenants) {
        jdbc.batchUpdate("insert into flowbill_tenant (tenant_id) values (?) on conflict (tenant_id) do nothing",
                Arrays.stream(tenants).map(tenant -> new Object[] { tenant }).toList());
    }
}

package io.flowbill.api;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenants the API answers for: those flowbill knows ({@code flowbill_tenant}). */
@Component
public class ApiTenants {

    private final JdbcTemplate jdbc;

    ApiTenants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Checks that the tenant exists.
     *
     * @throws NotFoundException the tenant's 404, the same as for a tenant the request may not see
     */
    public void require(String tenant) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from flowbill_tenant where tenant_id = ?)",
                Boolean.class, tenant))) {
            throw NotFoundException.tenant(tenant);
        }
    }
}

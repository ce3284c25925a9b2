package io.flowbill.demo;

import javax.sql.DataSource;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.flowbill.system.DemoMode;

/** In the demo, registers its tenant {@code demo} (the schema registers only {@code default}) once the schema exists. */
@Component
@Conditional(DemoMode.On.class)
@DependsOnDatabaseInitialization
class DemoTenant {

    DemoTenant(DataSource dataSource) {
        new JdbcTemplate(dataSource).update("insert into flowbill_tenant (tenant_id) values (?) on conflict do nothing",
                DemoMode.TENANT);
    }
}

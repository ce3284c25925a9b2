package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.export.ExportProperties;
import io.flowbill.invoicing.FixtureFleet;
import io.flowbill.invoicing.FixtureFleetTest;

/**
 * A class that reuses a cached context finds it as a fresh one: no rows, no tenant but those the schema registers,
 * no files, whatever an earlier class on that context left behind ({@link CleanSlate}).
 */
@FixtureFleetTest
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class CleanSlateIT {

    static final String LEFT_BEHIND = "left-behind";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExportProperties export;

    @Nested
    @Order(1)
    class AnEarlierClass {

        @Test
        void leavesUsageATenantAJobAndAFile() throws IOException {
            new FixtureFleet(jdbc).clear().insertDay();
            jdbc.update("insert into flowbill_tenant (tenant_id) values (?)", LEFT_BEHIND);
            jdbc.update("insert into batch_job_instance (job_instance_id, version, job_name, job_key)"
                    + " values (nextval('batch_job_instance_seq'), 0, ?, ?)", LEFT_BEHIND, LEFT_BEHIND);
            Files.writeString(export.dir().resolve(LEFT_BEHIND + ".csv"), "x");

            assertThat(count("usage_hour")).as("usage_hour rows written").isPositive();
        }
    }

    @Nested
    @Order(2)
    class TheNextClassOnTheSameContext {

        @Test
        void findsNoneOfIt() throws IOException {
            assertThat(count("usage_hour")).as("usage_hour rows of the earlier class").isZero();
            assertThat(count("batch_job_instance")).as("job instances of the earlier class").isZero();
            assertThat(jdbc.queryForList("select tenant_id from flowbill_tenant", String.class))
                    .as("tenants").containsExactly("default");
            assertThat(jdbc.queryForObject("select nextval('batch_job_instance_seq')", Long.class))
                    .as("the next job instance id").isEqualTo(1);
            try (Stream<?> files = Files.list(export.dir())) {
                assertThat(files).as("files in %s", export.dir()).isEmpty();
            }
        }
    }

    long count(String table) {
        Long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return rows == null ? 0 : rows;
    }
}

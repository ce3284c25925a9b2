package io.flowbill.system;

import org.flywaydb.core.Flyway;

/**
 * Brings a test database to flowbill's schema the way the application does at its start (Spring Batch's tables,
 * then {@code sql/}), without starting the application: for tests that write their fixture before the first real
 * command runs on that database.
 */
public final class Migrations {

    private Migrations() {
    }

    public static TestDatabase.Database apply(TestDatabase.Database database) {
        Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/sql")
                .javaMigrations(new SpringBatchSchemaMigration())
                .load()
                .migrate();
        return database;
    }
}

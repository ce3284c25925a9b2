package io.flowbill.system;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings a test database to flowbill's schema the way the application does at its start (Spring Batch's tables,
 * then {@code sql/}), without starting the application: for tests that write their fixture before the first real
 * command runs on that database.
 */
public final class Migrations {

    private Migrations() {
    }

    public static TestDatabase.Database apply(TestDatabase.Database database) {
        flyway(database).load().migrate();
        return database;
    }

    /** Migrates up to and including {@code version} (e.g. {@code 202612070100}), as a database of an older release. */
    public static TestDatabase.Database applyUpTo(TestDatabase.Database database, String version) {
        flyway(database).target(version).load().migrate();
        return database;
    }

    private static FluentConfiguration flyway(TestDatabase.Database database) {
        return Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/sql")
                .javaMigrations(new SpringBatchSchemaMigration());
    }
}

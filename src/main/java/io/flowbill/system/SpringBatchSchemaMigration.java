package io.flowbill.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's metadata tables from the {@code schema-postgresql.sql} shipped inside the
 * spring-batch-core jar, so the schema always matches the Batch version on the classpath and is never
 * pasted into this repository. It runs before flowbill's own migrations in {@code sql/}.
 */
@Component
class SpringBatchSchemaMigration implements JavaMigration {

    static final String SCRIPT = "/org/springframework/batch/core/schema-postgresql.sql";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("202611260000");
    }

    @Override
    public String getDescription() {
        return "spring batch schema from " + SCRIPT;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(readScript());
        }
    }

    private static String readScript() throws IOException {
        try (InputStream in = SpringBatchSchemaMigration.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("spring-batch-core does not contain " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

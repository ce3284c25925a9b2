package io.flowbill.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before a test class runs in a context that an earlier class already used, empties that context's database and
 * export folder, so every class starts as on a fresh context: no rows but Flyway's own and the tenants the schema
 * and the demo register ({@code default}, {@code demo}), sequences from 1, no files. A context's first class finds
 * them fresh already.
 */
public final class CleanSlate implements TestExecutionListener {

    private static final Set<String> TENANTS_AT_START = Set.of("default", DemoMode.TENANT);
    private static final Set<String> used = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeTestClass(TestContext testContext) throws Exception {
        ApplicationContext context = testContext.getApplicationContext();
        Environment environment = context.getEnvironment();
        if (!used.add(environment.getRequiredProperty("spring.datasource.url"))) {
            emptyDatabase(new JdbcTemplate(context.getBean(DataSource.class)));
            emptyFolder(Path.of(environment.getRequiredProperty(IntegrationTestContext.EXPORT_DIR)));
        }
    }

    private static void emptyDatabase(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                select format('%I.%I', schemaname, tablename) from pg_tables
                 where schemaname = current_schema() and tablename not in ('flyway_schema_history', 'flowbill_tenant')
                """, String.class);
        if (!tables.isEmpty()) {
            jdbc.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
        }
        jdbc.update("delete from flowbill_tenant where tenant_id <> all (?)",
                (Object) TENANTS_AT_START.toArray(String[]::new));
        jdbc.queryForList("""
                select format('%I.%I', sequence_schema, sequence_name) from information_schema.sequences
                 where sequence_schema = current_schema()
                """, String.class).forEach(sequence -> jdbc.execute("alter sequence " + sequence + " restart"));
    }

    private static void emptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(folder)) {
                    Files.delete(path);
                }
            }
        }
    }
}

package io.flowbill.bench;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh database for one benchmark run, on the configured PostgreSQL ({@code SPRING_DATASOURCE_URL} and
 * friends, or {@code --spring.datasource.url=...}) or, with nothing configured, on an embedded PostgreSQL in a
 * temporary folder. Dropped at the end, unless {@value #KEEP} is true (to explain its queries afterwards).
 */
final class BenchDatabase implements AutoCloseable {

    /** The system property that keeps the database after the run, to explain its queries (profiling). */
    static final String KEEP = "flowbill.bench.keep-database";

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;
    private final EmbeddedPostgres embedded;

    private BenchDatabase(String serverUrl, String user, String password, EmbeddedPostgres embedded) throws SQLException {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.name = "flowbill_bench_" + System.currentTimeMillis();
        execute(serverUrl, "create database " + name);
    }

    static BenchDatabase create(String url, String user, String password) throws Exception {
        if (url != null && !url.isBlank()) {
            return new BenchDatabase(url, user == null ? "postgres" : user, password == null ? "" : password, null);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("flowbill-bench-pg"))
                .setCleanDataDirectory(true)
                .start();
        return new BenchDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", postgres);
    }

    String url() {
        int query = serverUrl.indexOf('?');
        String head = query < 0 ? serverUrl : serverUrl.substring(0, query);
        return head.substring(0, head.lastIndexOf('/') + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    @Override
    public void close() throws Exception {
        try {
            if (Boolean.getBoolean(KEEP)) {
                System.out.println("kept the bench database " + name + " (-D" + KEEP + "=true): drop it when done");
            }
            else {
                execute(serverUrl, "drop database if exists " + name + " with (force)");
            }
        }
        finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

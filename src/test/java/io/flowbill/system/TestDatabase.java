package io.flowbill.system;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one place that decides where tests get PostgreSQL from, in this order: the server named by
 * {@code FLOWBILL_TEST_DATABASE_URL} (what {@code .ci/run} sets), one answering on its default port
 * {@code 127.0.0.1:5432} that lets the user in ({@code FLOWBILL_TEST_DATABASE_USER}, default postgres), a
 * Testcontainers PostgreSQL where Docker runs, an embedded PostgreSQL otherwise. Every caller gets a fresh, empty database on that server, so
 * tests never see each other's rows; the databases are dropped when the JVM exits.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "FLOWBILL_TEST_DATABASE_URL";
    private static final int DEFAULT_PORT = 5432;

    /** Connection facts of one fresh database. */
    public record Database(String url, String user, String password, String source) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** Points Spring's datasource at this database. */
        public void register(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::url);
            registry.add("spring.datasource.username", this::user);
            registry.add("spring.datasource.password", this::password);
        }

        @Override
        public String toString() {
            return "Database[" + url + " from " + source + "]";
        }
    }

    private record Server(String baseUrl, String user, String password, String source) {

        String urlOf(String database) {
            int query = baseUrl.indexOf('?');
            String head = query < 0 ? baseUrl : baseUrl.substring(0, query);
            String params = query < 0 ? "" : baseUrl.substring(query);
            return head.substring(0, head.lastIndexOf('/') + 1) + database + params;
        }
    }

    private static volatile Server server;
    private static final Set<String> created = ConcurrentHashMap.newKeySet();

    private TestDatabase() {
    }

    /** Creates a new empty database and returns how to reach it. */
    public static Database fresh() {
        Server at = server();
        String name = "flowbill_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(at, "create database " + name);
        created.add(name);
        return new Database(at.urlOf(name), at.user(), at.password(), at.source());
    }

    private static Server server() {
        Server current = server;
        if (current == null) {
            synchronized (TestDatabase.class) {
                if (server == null) {
                    server = startServer();
                    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
                }
                current = server;
            }
        }
        return current;
    }

    private static Server startServer() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new Server(url, env("FLOWBILL_TEST_DATABASE_USER", "postgres"),
                    env("FLOWBILL_TEST_DATABASE_PASSWORD", ""), URL_VARIABLE);
        }
        Server local = new Server("jdbc:postgresql://" + LocalPort.HOST + ":" + DEFAULT_PORT + "/postgres",
                env("FLOWBILL_TEST_DATABASE_USER", "postgres"), env("FLOWBILL_TEST_DATABASE_PASSWORD", ""),
                LocalPort.HOST + ":" + DEFAULT_PORT);
        if (LocalPort.answers(DEFAULT_PORT) && letsIn(local)) {
            return local;
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "testcontainers");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("flowbill-test-pg"))
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "stop-embedded-pg"));
            return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded");
        }
        catch (Exception e) {
            throw new IllegalStateException("no PostgreSQL for tests: set " + URL_VARIABLE
                    + ", start Docker, or let embedded PostgreSQL run", e);
        }
    }

    private static boolean letsIn(Server at) {
        try {
            execute(at, "select 1");
            return true;
        }
        catch (IllegalStateException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (Throwable e) {
            return false;
        }
    }

    private static void dropCreated() {
        for (String name : created) {
            try {
                execute(server, "drop database if exists " + name + " with (force)");
            }
            catch (RuntimeException ignored) {
                // the server may already be gone at JVM exit; the database dies with it
            }
        }
    }

    private static void execute(Server at, String sql) {
        Properties credentials = new Properties();
        credentials.setProperty("user", at.user());
        credentials.setProperty("password", at.password());
        try (Connection connection = DriverManager.getConnection(at.baseUrl(), credentials);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + at.source() + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        }
        catch (Exception ignored) {
            // shutting down anyway
        }
    }
}

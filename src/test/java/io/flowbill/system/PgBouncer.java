package io.flowbill.system;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A throwaway PgBouncer (the Debian package's {@code /usr/sbin/pgbouncer}) in front of a test database's server:
 * its own ini in a temporary folder, {@code pool_mode = transaction}, {@code auth_type = any} (it logs in to the
 * server as the test database's user), listening on a free port of 127.0.0.1. Missing, the test is skipped, or fails
 * on CI ({@link ExternalTool#require}). Run as root (CI) it drops to {@code nobody}, as PgBouncer refuses root.
 */
public final class PgBouncer implements AutoCloseable {

    public static final String BINARY = "/usr/sbin/pgbouncer";

    private final Daemon daemon;
    private final int port;

    private PgBouncer(Daemon daemon, int port) {
        this.daemon = daemon;
        this.port = port;
    }

    /** Skips (or on CI fails) the calling test when PgBouncer is not installed. */
    public static void require() {
        ExternalTool.require(Files.isExecutable(Path.of(BINARY)), "no PgBouncer at " + BINARY
                + " for this test: apt-get install pgbouncer (.ci/run does); skipped");
    }

    /** A PgBouncer in transaction pooling with {@code poolSize} server connections per database and user. */
    public static PgBouncer transactionPooling(TestDatabase.Database db, int poolSize) throws IOException {
        require();
        URI server = URI.create(db.url().substring("jdbc:".length()));
        int port = Daemon.freePort();
        Path folder = Files.createTempDirectory("flowbill-pgbouncer");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path ini = folder.resolve("pgbouncer.ini");
        Files.writeString(ini, """
                [databases]
                * = host=%s port=%d user=%s%s

                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = any
                pool_mode = transaction
                default_pool_size = %d
                max_client_conn = 500
                """.formatted(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort(), db.user(),
                db.password().isEmpty() ? "" : " password=" + db.password(), port, poolSize));
        Files.setPosixFilePermissions(ini, PosixFilePermissions.fromString("rw-r--r--"));
        Daemon daemon = "root".equals(System.getProperty("user.name"))
                ? Daemon.start("pgbouncer", port, folder, BINARY, "-u", "nobody", ini.toString())
                : Daemon.start("pgbouncer", port, folder, BINARY, ini.toString());
        return new PgBouncer(daemon, port);
    }

    /** {@code db} reached through this PgBouncer, the JDBC URL's own parameters kept and {@code parameters} added. */
    public TestDatabase.Database through(TestDatabase.Database db, String parameters) {
        URI server = URI.create(db.url().substring("jdbc:".length()));
        String query = server.getRawQuery() == null ? parameters
                : parameters.isEmpty() ? server.getRawQuery() : server.getRawQuery() + "&" + parameters;
        String url = "jdbc:postgresql://127.0.0.1:" + port + server.getRawPath() + (query.isEmpty() ? "" : "?" + query);
        return new TestDatabase.Database(url, db.user(), db.password(), "pgbouncer in front of " + db.source());
    }

    /** What PgBouncer logged so far. */
    public String log() throws IOException {
        return daemon.output();
    }

    @Override
    public void close() {
        daemon.close();
    }
}

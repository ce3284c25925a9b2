package io.flowbill.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A TLS listener on a free port of 127.0.0.1 that forwards to a plain TCP service (stunnel from the Debian package
 * stunnel4), serving a {@link ThrowawayCa}'s server certificate: how the tests put TLS in front of the local RabbitMQ.
 * Missing, the test is skipped, or fails on CI ({@link ExternalTool#require}).
 */
public final class Stunnel implements AutoCloseable {

    private final Daemon daemon;
    private final int port;

    private Stunnel(Daemon daemon, int port) {
        this.daemon = daemon;
        this.port = port;
    }

    /** The stunnel command, or the calling test is skipped (on CI: fails) without one. */
    public static String require() {
        for (String binary : new String[] { "stunnel4", "stunnel" }) {
            if (ExternalTool.installed("sh", "-c", "command -v " + binary)) {
                return binary;
            }
        }
        ExternalTool.require(false, "no stunnel for this test: apt-get install stunnel4 (.ci/run does); skipped");
        throw new IllegalStateException("unreachable");
    }

    /** TLS on a free port, forwarded to {@code host:port}. */
    public static Stunnel forward(String host, int targetPort, ThrowawayCa ca) throws IOException {
        String binary = require();
        int port = Daemon.freePort();
        Path folder = Files.createTempDirectory("flowbill-stunnel");
        Path config = folder.resolve("stunnel.conf");
        Files.writeString(config, """
                foreground = yes
                pid =
                [tls]
                accept = 127.0.0.1:%d
                connect = %s:%d
                cert = %s
                key = %s
                """.formatted(port, host, targetPort, ca.serverCertificate(), ca.serverKey()));
        return new Stunnel(Daemon.start("stunnel", port, folder, binary, config.toString()), port);
    }

    public int port() {
        return port;
    }

    /** What stunnel logged so far (connections, handshakes refused). */
    public String log() throws IOException {
        return daemon.output();
    }

    @Override
    public void close() {
        daemon.close();
    }
}

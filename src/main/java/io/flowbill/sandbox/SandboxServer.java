package io.flowbill.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP simulation of the cloud's container API, started in milliseconds, in-process or standalone
 * ({@link SandboxMain}). Plain JDK HTTP server on a fixed thread pool; no Spring.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.defaults().withContainers(100))) {
 *     URI containers = sandbox.baseUrl().resolve("/api/v1/containers");  // Authorization: Token sandbox.token()
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

    private static final int BACKLOG = 1024;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // about 40 ms per answer. Read once, when the first HttpServer starts; an explicit setting wins.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String appKey;
    private final String appSecret;
    private final String token;
    private final Fleet fleet;
    private final FaultSettings faults;
    private final FlowModel flowModel;
    private final SandboxClock clock;
    private final RequestStats stats;

    private SandboxServer(SandboxConfig config) throws IOException {
        this.clock = config.clock();
        this.appKey = config.appKey() != null ? config.appKey() : "key-" + Secrets.random(8);
        this.appSecret = config.appSecret() != null ? config.appSecret() : Secrets.random(16);
        this.token = config.staticToken() != null ? config.staticToken() : Secrets.random(16);
        Images images = new Images(config.images());
        GeneratedFleet generated = FleetGenerator.generate(config.containers(), config.seed(),
                config.fleetAnchor() == null ? clock.instant() : config.fleetAnchor(), config.images());
        this.fleet = new Fleet(generated, clock, images, config.provisioningTime(), config.deletionTime());
        this.flowModel = new FlowModel(fleet, clock, config.seed());
        this.faults = new FaultSettings(config.faults());
        this.stats = new RequestStats();
        FaultInjector injector = new FaultInjector(faults, config.seed());
        ContainerApi api = new ContainerApi(fleet, images, flowModel, clock, config.flowFormat(), config.timeUnit(),
                injector, stats);
        TokenStore tokens = new TokenStore(appKey, appSecret, token, config.moreTokens(), config.tokenTtl(), clock);
        this.executor = Executors.newFixedThreadPool(config.threads(), daemonThreads());
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), BACKLOG);
        server.createContext("/", new ApiHandler(api, tokens, injector, stats,
                new AccountLimits(config.requestLimit(), System::nanoTime)));
        server.setExecutor(executor);
        server.start();
    }

    /** Generates the fleet, binds the port and starts answering. */
    public static SandboxServer start(SandboxConfig config) {
        try {
            return new SandboxServer(config);
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox could not bind " + config.host() + ":" + config.port(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT}; clients append {@code /api/v1/...}. */
    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + address.getPort());
    }

    /** The static token, valid from start and never expiring. */
    public String token() {
        return token;
    }

    public String appKey() {
        return appKey;
    }

    public String appSecret() {
        return appSecret;
    }

    /** The containers, to inspect and change directly. */
    public Fleet fleet() {
        return fleet;
    }

    /** The fault switches, changeable while running. */
    public FaultSettings faults() {
        return faults;
    }

    /** The exact flows behind the flow endpoint. */
    public FlowModel flowModel() {
        return flowModel;
    }

    public SandboxClock clock() {
        return clock;
    }

    public RequestStats stats() {
        return stats;
    }

    /** Stops answering and releases the port and the threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sandbox-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

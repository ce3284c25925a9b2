package io.flowbill.sandbox;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone mode: {@code flowbill sandbox --port 8089 --containers 1000 --seed 7 ...} starts a sandbox, prints
 * its URL, static token and credentials, and runs until interrupted. Exit code 0, or 2 for a bad option
 * ({@link SandboxOptions} parses them).
 */
public final class SandboxMain {

    static final int DEFAULT_PORT = 8089;

    private SandboxMain() {
    }

    /** What the options change: the defaults on port {@value #DEFAULT_PORT}. */
    static SandboxConfig standaloneDefaults() {
        return SandboxConfig.defaults().withPort(DEFAULT_PORT);
    }

    /** Starts a sandbox, prints its URL and credentials, and with {@code block} serves until interrupted. */
    static int serve(SandboxConfig config, PrintWriter out, boolean block) {
        long started = System.nanoTime();
        SandboxServer server = SandboxServer.start(config);
        out.printf(Locale.ROOT, "Sandbox container API at %s/api/v1 (%d containers, seed %d, fleet anchor %s, %d ms)%n",
                server.baseUrl(), config.containers(), config.seed(),
                config.fleetAnchor() == null ? "the start time" : config.fleetAnchor(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        out.println("  static token: " + server.token() + "   (header  Authorization: Token " + server.token() + ")");
        if (!config.moreTokens().isEmpty()) {
            out.println("  more tokens:  " + config.moreTokens().size() + " (as given by --more-tokens)");
        }
        if (config.requestLimit().limited()) {
            out.printf(Locale.ROOT, "  request limit: %d per second per account, above it %s%n",
                    config.requestLimit().perSecond(),
                    config.requestLimit().answer() == RequestLimit.Answer.FREQ_OUT_OF_LIMIT ? "403/4030001"
                            : "429 with Retry-After: 1");
        }
        out.println("  app_key:      " + server.appKey());
        out.println("  app_secret:   " + server.appSecret());
        out.flush();
        if (!block) {
            server.close();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println(stoppedLine(server.stats()));
            out.flush();
            server.close();
            stopped.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * What a stopped sandbox prints last, read by {@code bench --accounts}: requests received and those refused
     * because their account was over its request limit, e.g. {@code Sandbox stopped: 1234 requests, 0 refused over
     * the account limit (403: 0, 429: 0)}.
     */
    static String stoppedLine(RequestStats stats) {
        return String.format(Locale.ROOT, "Sandbox stopped: %d requests, %d refused over the account limit"
                + " (403: %d, 429: %d)", stats.totalRequests(), stats.refusedOverLimit(), stats.responses(403),
                stats.responses(429));
    }
}

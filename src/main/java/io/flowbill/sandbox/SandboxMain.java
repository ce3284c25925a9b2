package io.flowbill.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone mode: {@code flowbill sandbox --port 8089 --containers 1000 --seed 7 ...} starts a sandbox, prints
 * its URL, static token and credentials, and runs until interrupted. Exit code 0, or 2 for a bad option.
 */
public final class SandboxMain {

    static final int DEFAULT_PORT = 8089;
    static final String USAGE = """
            Usage: flowbill sandbox [options]
            Starts a simulation of the container API and runs until interrupted (Ctrl-C).

              --host H                     address to bind (default 127.0.0.1; 0.0.0.0 for all)
              --port N                     TCP port, 0 for any free one (default 8089)
              --containers N               generated containers (default 1000)
              --seed N                     seed of fleet, flows and fault dice (default 1)
              --flow-format MB|MIXED       flow values always in MB, or B/KB/MB/GB by size (default MB)
              --time-unit SECONDS|MILLISECONDS   unit of from_time/to_time (default SECONDS)
              --threads N                  HTTP worker threads (default 256)
              --token-ttl-seconds N        lifetime of issued tokens (default 86399)
              --app-key K, --app-secret S  credentials for POST /api/v1/token (default generated)
              --token T                    the static token (default generated)
              --provisioning-seconds N     time a new container stays 'creating' (default 20)
              --deletion-seconds N         time a deleted container stays 'delete_ing' (default 10)
              --fleet-anchor INSTANT       the fleet was created over the 182 days before this past instant, e.g.
                                           2026-11-01T00:00:00Z: with the same seed, every start serves the same
                                           fleet (default: the start time, a different fleet on every start)
              --images FILE                image catalog, JSON shaped like GET /containers/images:
                                           {"public_images": [{"id": 20835, "name": "ubuntu", "tag": "16.04"}],
                                            "custom_images": []}; desc, weight, constraint optional
                                           (default: the built-in catalog, public ids 10005-10014 and 20835)
            Faults (all off by default; rates are probabilities in [0, 1]):
              --latency-ms N               added to every answer
              --latency-jitter-ms N        up to this much more, at random
              --rate-limit N               requests per second above which answers are 403/4030001
              --server-error-rate R        500/5000001
              --unavailable-rate R         503
              --too-many-requests-rate R   429 with Retry-After
              --retry-after-seconds N      Retry-After of those 429s (default 1)
              --malformed-flow-rate R      flow answers like "NaNMB", "-12.0MB", "", null
              --drop-connection-rate R     connections closed without an answer
              --list-churn N               containers deleted and created before each list page after the first
              --help                       this text
            """;

    private SandboxMain() {
    }

    /** What the options change: the defaults on port {@value #DEFAULT_PORT}. */
    static SandboxConfig standaloneDefaults() {
        return SandboxConfig.defaults().withPort(DEFAULT_PORT);
    }

    /** Runs the sandbox until interrupted; answers the exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err, true);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean block) {
        SandboxConfig config;
        try {
            config = SandboxOptions.parse(args, standaloneDefaults());
        } catch (SandboxOptions.HelpRequested help) {
            out.print(USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("flowbill sandbox: " + e.getMessage());
            err.println("Try 'flowbill sandbox --help'.");
            return 2;
        }
        long started = System.nanoTime();
        SandboxServer server = SandboxServer.start(config);
        out.printf(Locale.ROOT, "Sandbox container API at %s/api/v1 (%d containers, seed %d, fleet anchor %s, %d ms)%n",
                server.baseUrl(), config.containers(), config.seed(),
                config.fleetAnchor() == null ? "the start time" : config.fleetAnchor(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        out.println("  static token: " + server.token() + "   (header  Authorization: Token " + server.token() + ")");
        out.println("  app_key:      " + server.appKey());
        out.println("  app_secret:   " + server.appSecret());
        out.flush();
        if (!block) {
            server.close();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
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
}

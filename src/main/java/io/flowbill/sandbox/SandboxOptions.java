package io.flowbill.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sandbox [options]}: the standalone options; each one given changes the start configuration, errors name
 * the option. {@link SandboxMain} runs the server.
 */
@Command(name = "sandbox", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Run the simulated container API standalone until interrupted (Ctrl-C).",
        footer = { "", "Faults are all off by default; rates are probabilities in [0, 1]." })
public final class SandboxOptions implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "H", description = "address to bind (default 127.0.0.1; 0.0.0.0 for all)")
    String host;
    @Option(names = "--port", paramLabel = "N", description = "TCP port, 0 for any free one (default 8089)")
    Integer port;
    @Option(names = "--containers", paramLabel = "N", description = "generated containers (default 1000)")
    Integer containers;
    @Option(names = "--seed", paramLabel = "N", description = "seed of fleet, flows and fault dice (default 1)")
    Long seed;
    @Option(names = "--flow-format", paramLabel = "MB|MIXED",
            description = "flow values always in MB, or B/KB/MB/GB by size (default MB)")
    FlowFormat flowFormat;
    @Option(names = "--time-unit", paramLabel = "SECONDS|MILLISECONDS",
            description = "unit of from_time/to_time (default SECONDS)")
    FlowTimeUnit timeUnit;
    @Option(names = "--threads", paramLabel = "N", description = "HTTP worker threads (default 256)")
    Integer threads;
    @Option(names = "--token-ttl-seconds", paramLabel = "N", description = "lifetime of issued tokens (default 86399)")
    Integer tokenTtlSeconds;
    @Option(names = "--app-key", paramLabel = "K", description = "key for POST /api/v1/token (default generated);"
            + " goes with --app-secret")
    String appKey;
    @Option(names = "--app-secret", paramLabel = "S", description = "its secret (default generated)")
    String appSecret;
    @Option(names = "--token", paramLabel = "T", description = "the static token (default generated)")
    String token;
    @Option(names = "--more-tokens", paramLabel = "T[,T...]", split = ",", description = "further static tokens, each"
            + " an account of its own with its own --requests-per-second, on the same fleet")
    List<String> moreTokens;
    @Option(names = "--requests-per-second", paramLabel = "N", description = "requests one account may make in any"
            + " second, like a real cloud account's limit; per static token, the tokens of POST /token share one"
            + " (default 0: no limit)")
    Integer requestsPerSecond;
    @Option(names = "--over-limit-answer", paramLabel = "403|429", description = "how a request above"
            + " --requests-per-second is refused: 403/4030001 as the cloud does (default), or 429 with Retry-After: 1")
    String overLimitAnswer;
    @Option(names = "--provisioning-seconds", paramLabel = "N",
            description = "time a new container stays 'creating' (default 20)")
    Integer provisioningSeconds;
    @Option(names = "--deletion-seconds", paramLabel = "N",
            description = "time a deleted container stays 'delete_ing' (default 10)")
    Integer deletionSeconds;
    @Option(names = "--fleet-anchor", paramLabel = "INSTANT", description = "the fleet was created over the 182 days"
            + " before this past instant, e.g. 2026-11-01T00:00:00Z: with the same seed, every start serves the same"
            + " fleet (default: the start time, a different fleet on every start)")
    String fleetAnchor;
    @Option(names = "--images", paramLabel = "FILE", description = "image catalog, JSON shaped like GET"
            + " /containers/images: {\"public_images\": [{\"id\": 20835, \"name\": \"ubuntu\", \"tag\": \"16.04\"}],"
            + " \"custom_images\": []}; desc, weight, constraint optional (default: the built-in catalog, public ids"
            + " 10005-10014 and 20835)")
    Path images;
    @Option(names = "--latency-ms", paramLabel = "N", description = "fault: added to every answer")
    Integer latencyMs;
    @Option(names = "--latency-jitter-ms", paramLabel = "N", description = "fault: up to this much more, at random")
    Integer latencyJitterMs;
    @Option(names = "--rate-limit", paramLabel = "N",
            description = "fault: requests per second above which answers are 403/4030001")
    Integer rateLimit;
    @Option(names = "--server-error-rate", paramLabel = "R", description = "fault: 500/5000001")
    Double serverErrorRate;
    @Option(names = "--unavailable-rate", paramLabel = "R", description = "fault: 503")
    Double unavailableRate;
    @Option(names = "--too-many-requests-rate", paramLabel = "R", description = "fault: 429 with Retry-After")
    Double tooManyRequestsRate;
    @Option(names = "--retry-after-seconds", paramLabel = "N", description = "Retry-After of those 429s (default 1)")
    Integer retryAfterSeconds;
    @Option(names = "--malformed-flow-rate", paramLabel = "R",
            description = "fault: flow answers like \"NaNMB\", \"-12.0MB\", \"\", null")
    Double malformedFlowRate;
    @Option(names = "--drop-connection-rate", paramLabel = "R",
            description = "fault: connections closed without an answer")
    Double dropConnectionRate;
    @Option(names = "--list-churn", paramLabel = "N",
            description = "fault: containers deleted and created before each list page after the first")
    Integer listChurn;

    private final boolean block;

    /** The command that serves until interrupted. */
    public SandboxOptions() {
        this(true);
    }

    SandboxOptions(boolean block) {
        this.block = block;
    }

    @Override
    public Integer call() {
        return SandboxMain.serve(config(SandboxMain.standaloneDefaults()), spec.commandLine().getOut(), block);
    }

    /** Parses {@code args} (options only) onto {@code start}; a bad option throws naming it. */
    static SandboxConfig parse(String[] args, SandboxConfig start) {
        SandboxOptions options = new SandboxOptions(false);
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return options.config(start);
    }

    SandboxConfig config(SandboxConfig start) {
        SandboxConfig config = start;
        config = host == null ? config : config.withHost(host);
        config = port == null ? config : config.withPort(within("--port", port, 0, 65_535));
        config = containers == null ? config : config.withContainers(within("--containers", containers, 0, 20_000_000));
        config = seed == null ? config : config.withSeed(seed);
        config = flowFormat == null ? config : config.withFlowFormat(flowFormat);
        config = timeUnit == null ? config : config.withTimeUnit(timeUnit);
        config = threads == null ? config : config.withThreads(within("--threads", threads, 1, 10_000));
        config = tokenTtlSeconds == null ? config
                : config.withTokenTtl(Duration.ofSeconds(within("--token-ttl-seconds", tokenTtlSeconds, 1, Integer.MAX_VALUE)));
        config = token == null ? config : config.withStaticToken(token);
        config = moreTokens == null ? config : config.withMoreTokens(moreTokens(config.staticToken()));
        config = requestsPerSecond == null ? config : config.withRequestsPerSecond(
                within("--requests-per-second", requestsPerSecond, 0, RequestLimit.MAX_PER_SECOND));
        config = overLimitAnswer == null ? config
                : config.withRequestLimit(new RequestLimit(config.requestLimit().perSecond(), overLimitAnswer()));
        config = provisioningSeconds == null ? config : config.withProvisioningTime(
                Duration.ofSeconds(within("--provisioning-seconds", provisioningSeconds, 0, Integer.MAX_VALUE)));
        config = deletionSeconds == null ? config : config.withDeletionTime(
                Duration.ofSeconds(within("--deletion-seconds", deletionSeconds, 0, Integer.MAX_VALUE)));
        config = images == null ? config : config.withImages(images());
        config = fleetAnchor == null ? config : config.withFleetAnchor(anchor(config));
        if ((appKey == null) != (appSecret == null)) {
            throw refused("options --app-key and --app-secret go together");
        }
        config = appKey == null ? config : config.withCredentials(appKey, appSecret);
        return config.withFaults(faults(start.faults()));
    }

    private FaultConfig faults(FaultConfig start) {
        FaultConfig faults = start;
        if (latencyMs != null || latencyJitterMs != null) {
            faults = faults.withLatency(latencyMs == null ? faults.latency() : millis("--latency-ms", latencyMs),
                    latencyJitterMs == null ? faults.latencyJitter() : millis("--latency-jitter-ms", latencyJitterMs));
        }
        faults = rateLimit == null ? faults
                : faults.withRateLimitPerSecond(within("--rate-limit", rateLimit, 0, 1_000_000));
        faults = serverErrorRate == null ? faults
                : faults.withServerErrorRate(rate("--server-error-rate", serverErrorRate));
        faults = unavailableRate == null ? faults
                : faults.withUnavailableRate(rate("--unavailable-rate", unavailableRate));
        if (tooManyRequestsRate != null || retryAfterSeconds != null) {
            faults = faults.withTooManyRequests(tooManyRequestsRate == null ? faults.tooManyRequestsRate()
                    : rate("--too-many-requests-rate", tooManyRequestsRate), retryAfterSeconds == null
                    ? faults.retryAfterSeconds() : within("--retry-after-seconds", retryAfterSeconds, 0, 86_400));
        }
        faults = malformedFlowRate == null ? faults
                : faults.withMalformedFlowRate(rate("--malformed-flow-rate", malformedFlowRate));
        faults = dropConnectionRate == null ? faults
                : faults.withDropConnectionRate(rate("--drop-connection-rate", dropConnectionRate));
        return listChurn == null ? faults : faults.withListChurnPerPage(within("--list-churn", listChurn, 0, 1000));
    }

    private List<String> moreTokens(String staticToken) {
        List<String> tokens = moreTokens.stream().map(String::strip).toList();
        if (tokens.stream().anyMatch(t -> t.isEmpty() || t.equals(staticToken))
                || tokens.stream().distinct().count() < tokens.size()) {
            throw refused("option --more-tokens expects distinct non-empty tokens other than --token");
        }
        return tokens;
    }

    private RequestLimit.Answer overLimitAnswer() {
        return switch (overLimitAnswer.strip()) {
            case "403" -> RequestLimit.Answer.FREQ_OUT_OF_LIMIT;
            case "429" -> RequestLimit.Answer.TOO_MANY_REQUESTS;
            default -> throw refused("option --over-limit-answer expects 403 or 429, got '" + overLimitAnswer + "'");
        };
    }

    private ImageCatalog images() {
        try {
            return ImageCatalog.read(images);
        }
        catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
    }

    private Instant anchor(SandboxConfig config) {
        Instant anchor;
        try {
            anchor = Instant.parse(fleetAnchor.trim());
        }
        catch (DateTimeParseException e) {
            throw refused("option --fleet-anchor expects an instant like 2026-11-01T00:00:00Z, got '" + fleetAnchor
                    + "'");
        }
        Instant startsAt = config.clock().instant();
        if (anchor.isAfter(startsAt)) {
            throw refused("option --fleet-anchor " + anchor + " is after the start time " + startsAt + ": the fleet"
                    + " would still be appearing; give an earlier instant");
        }
        return anchor;
    }

    private int within(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw refused("option " + option + " must be in [" + min + ", " + max + "], was " + value);
        }
        return (int) value;
    }

    private Duration millis(String option, int value) {
        return Duration.ofMillis(within(option, value, 0, 600_000));
    }

    private double rate(String option, double value) {
        if (value >= 0 && value <= 1) {
            return value;
        }
        throw refused("option " + option + " expects a rate in [0, 1], got '" + value + "'");
    }

    private ParameterException refused(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

package io.flowbill.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How a sandbox starts. Start from {@link #defaults()} and change with the {@code with...} methods.
 *
 * @param host             address to bind ({@code 127.0.0.1}; {@code 0.0.0.0} for all interfaces)
 * @param port             TCP port, 0 for an ephemeral one
 * @param containers       size of the generated fleet
 * @param seed             seed of the fleet, the flow model and the fault dice
 * @param flowFormat       how flow values are printed
 * @param timeUnit         unit of the flow endpoint's {@code from_time}/{@code to_time}
 * @param tokenTtl         lifetime of tokens from {@code POST /token} (its {@code expires_in})
 * @param threads          HTTP worker threads
 * @param clock            the sandbox's time
 * @param appKey           the app key {@code POST /token} accepts; null = generated
 * @param appSecret        its secret; null = generated
 * @param staticToken      a token valid from start, for ever; null = generated
 * @param provisioningTime how long a new container stays {@code creating}
 * @param deletionTime     how long a deleted container stays {@code delete_ing} before it is gone
 * @param faults           the faults switched on at start
 * @param fleetAnchor      the fleet is created over the months before this instant; null = the clock at start
 * @param images           the image catalog ({@code GET /containers/images}, the images creates may use)
 * @param moreTokens       further static tokens, each of its own account (its own {@link RequestLimit})
 * @param requestLimit     the requests per second one account may make (per static token; the tokens of
 *                         {@code POST /token} share the app key's), and how the sandbox refuses the ones above
 */
public record SandboxConfig(
        String host,
        int port,
        int containers,
        long seed,
        FlowFormat flowFormat,
        FlowTimeUnit timeUnit,
        Duration tokenTtl,
        int threads,
        SandboxClock clock,
        String appKey,
        String appSecret,
        String staticToken,
        Duration provisioningTime,
        Duration deletionTime,
        FaultConfig faults,
        Instant fleetAnchor,
        ImageCatalog images,
        List<String> moreTokens,
        RequestLimit requestLimit) {

    public SandboxConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(flowFormat, "flowFormat");
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(requestLimit, "requestLimit");
        moreTokens = moreTokens == null ? List.of() : List.copyOf(moreTokens);
        if (moreTokens.stream().anyMatch(token -> token.isBlank() || token.equals(staticToken))) {
            throw new IllegalArgumentException("moreTokens must be non-blank and differ from the static token");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
        }
        if (containers < 0) {
            throw new IllegalArgumentException("containers cannot be negative, was " + containers);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive, was " + tokenTtl);
        }
        if (provisioningTime == null || provisioningTime.isNegative()
                || deletionTime == null || deletionTime.isNegative()) {
            throw new IllegalArgumentException("provisioningTime and deletionTime must be >= 0");
        }
    }

    /**
     * Loopback, ephemeral port, 1,000 containers, seed 1, MB, seconds, tokens of 86,399 s, 256 threads, a system
     * clock, generated credentials, 20 s provisioning, 10 s deletion, no faults, the default image catalog, one
     * account without a request limit.
     */
    public static SandboxConfig defaults() {
        return new SandboxConfig("127.0.0.1", 0, 1000, 1, FlowFormat.MB, FlowTimeUnit.SECONDS,
                Duration.ofSeconds(86_399), 256, SandboxClock.system(), null, null, null, Duration.ofSeconds(20),
                Duration.ofSeconds(10), FaultConfig.none(), null, ImageCatalog.defaults(), List.of(),
                RequestLimit.NONE);
    }

    public SandboxConfig withHost(String value) {
        return new SandboxConfig(value, port, containers, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withPort(int value) {
        return new SandboxConfig(host, value, containers, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withContainers(int value) {
        return new SandboxConfig(host, port, value, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withSeed(long value) {
        return new SandboxConfig(host, port, containers, value, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withFlowFormat(FlowFormat value) {
        return new SandboxConfig(host, port, containers, seed, value, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withTimeUnit(FlowTimeUnit value) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, value, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withTokenTtl(Duration value) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, value, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withThreads(int value) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, tokenTtl, value, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withClock(SandboxClock value) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, tokenTtl, threads, value,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withCredentials(String key, String secret) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                key, secret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withStaticToken(String value) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, value, provisioningTime, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withProvisioningTime(Duration value) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, value, deletionTime, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withDeletionTime(Duration value) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, value, faults, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    public SandboxConfig withFaults(FaultConfig value) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, value, fleetAnchor, images,
                moreTokens, requestLimit);
    }

    /**
     * The fleet is generated as if created over the months before {@code anchor} (null: the clock's instant at
     * start). A fixed anchor gives the same containers, with the same creation times, every time the sandbox starts.
     */
    public SandboxConfig withFleetAnchor(Instant anchor) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, anchor, images,
                moreTokens, requestLimit);
    }

    /** The images the sandbox serves and accepts in creates. */
    public SandboxConfig withImages(ImageCatalog value) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, value,
                moreTokens, requestLimit);
    }

    /**
     * Every account may make at most {@code perSecond} requests in any second (0: no limit), like a real cloud
     * account; the requests above are refused the way {@link RequestLimit#answer()} says.
     */
    public SandboxConfig withRequestsPerSecond(int perSecond) {
        return withRequestLimit(new RequestLimit(perSecond, requestLimit.answer()));
    }

    public SandboxConfig withRequestLimit(RequestLimit value) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images, moreTokens,
                value);
    }

    /** Further static tokens, each one account of its own with its own request limit (one fleet for all). */
    public SandboxConfig withMoreTokens(List<String> tokens) {
        return new SandboxConfig(host, port, containers, seed, flowFormat, timeUnit, tokenTtl, threads, clock,
                appKey, appSecret, staticToken, provisioningTime, deletionTime, faults, fleetAnchor, images, tokens,
                requestLimit);
    }
}

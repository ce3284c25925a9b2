package io.flowbill.containerapi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Typed, thread-safe client for the container API (docs/container-api.md). Built from
 * {@link ContainerApiProperties} and a {@link MeterRegistry}; it needs no Spring context. Every endpoint has a
 * synchronous method; {@code get}, {@code list} and {@code flow} also have an asynchronous one for running many calls
 * at once. At most {@code max-concurrency} requests are in flight and {@code requests-per-second} are sent, whatever
 * the number of callers; transient failures are retried (see {@link ContainerApiException} for what surfaces).
 * {@link #close()} releases its threads and fails calls still running.
 */
public final class ContainerApiClient implements AutoCloseable {

    /** The largest page the list endpoint serves. */
    public static final int MAX_PAGE_SIZE = 30;

    private static final String CONTAINERS = "/api/v1/containers";

    private final ApiMetrics metrics;
    private final ApiTransport transport;
    private final TokenSource tokens;
    private final FlowTimeUnit flowTimeUnit;

    public ContainerApiClient(ContainerApiProperties properties, MeterRegistry registry) {
        this(properties, registry, Clock.systemUTC());
    }

    /** @param clock decides when tokens expire and reads {@code Retry-After} dates */
    public ContainerApiClient(ContainerApiProperties properties, MeterRegistry registry, Clock clock) {
        this(properties, registry, clock, null);
    }

    /**
     * The client of one account: its meters carry the tag {@code tenant} (a configured tenant id, so the tag stays
     * bounded).
     */
    public static ContainerApiClient ofTenant(ContainerApiProperties properties, MeterRegistry registry, String tenant) {
        return new ContainerApiClient(properties, registry, Clock.systemUTC(), tenant);
    }

    private ContainerApiClient(ContainerApiProperties properties, MeterRegistry registry, Clock clock, String tenant) {
        if (!properties.hasCredentials()) {
            throw new IllegalStateException("flowbill.api needs a token, a token-file or an app-key and app-secret");
        }
        this.metrics = new ApiMetrics(registry, tenant);
        this.flowTimeUnit = properties.flowTimeUnit();
        if (properties.token() != null) {
            this.tokens = new StaticTokenSource(ApiToken.permanent(properties.token(), clock.instant()));
        } else if (properties.tokenFile() != null) {
            this.tokens = new FileTokenSource(properties.tokenFile(), clock);
        } else {
            var call = TokenEndpoint.call(properties.appKey(), properties.appSecret());
            this.tokens = new RenewingTokenSource(() -> fetchToken(call, clock), clock, metrics);
        }
        this.transport = new ApiTransport(properties, metrics, clock);
    }

    /** {@code GET /api/v1/containers/images}. */
    public ContainerImages images() {
        return await(transport.execute(ApiCall.of(Endpoint.IMAGES, CONTAINERS + "/images", ContainerImages.class), tokens));
    }

    /** {@code POST /api/v1/containers}; returns the new container's id. Not repeated after an ambiguous failure. */
    public long create(CreateContainerRequest request) {
        var call = new ApiCall<>(Endpoint.CREATE, CONTAINERS, null, request, ApiJson.Created.class);
        return await(transport.execute(call, tokens)).id();
    }

    /** {@code PUT /api/v1/containers/{id}}. */
    public void modify(long containerId, ModifyContainerRequest request) {
        await(call(Endpoint.MODIFY, containerId, "", request, Void.class));
    }

    /** {@code GET /api/v1/containers?limit=&offset=}; the API accepts a limit in (0, 30] and an offset >= 0. */
    public ContainerPage list(int limit, int offset) {
        return await(listAsync(limit, offset));
    }

    public CompletableFuture<ContainerPage> listAsync(int limit, int offset) {
        var call = ApiCall.of(Endpoint.LIST, CONTAINERS + "?limit=" + limit + "&offset=" + offset, ContainerPage.class);
        return transport.execute(call, tokens);
    }

    /**
     * Every container, paging by 30 until {@code total} is reached or a page comes back empty. The list may change
     * while it is paged (docs/container-api.md); a container seen twice is kept once, in its first position.
     */
    public List<Container> listAll() {
        Map<Long, Container> seen = new LinkedHashMap<>();
        int offset = 0;
        while (true) {
            ContainerPage page = list(MAX_PAGE_SIZE, offset);
            page.containers().forEach(c -> seen.putIfAbsent(c.id(), c));
            offset += page.containers().size();
            if (page.containers().isEmpty() || offset >= page.total()) {
                return new ArrayList<>(seen.values());
            }
        }
    }

    /** {@code GET /api/v1/containers/{id}}. @throws ContainerNotFoundException when the container is gone */
    public Container get(long containerId) {
        return await(getAsync(containerId));
    }

    public CompletableFuture<Container> getAsync(long containerId) {
        return call(Endpoint.GET, containerId, "", null, Container.class);
    }

    /** {@code DELETE /api/v1/containers/{id}}. */
    public void delete(long containerId) {
        await(call(Endpoint.DELETE, containerId, "", null, Void.class));
    }

    /** {@code PUT /api/v1/containers/{id}/actions/restart}. */
    public void restart(long containerId) {
        await(call(Endpoint.RESTART, containerId, "/actions/restart", null, Void.class));
    }

    /** {@code POST /api/v1/containers/{id}/tag}; returns the new image's id, a string. */
    public String saveAsImage(long containerId, String repoName, String tag) {
        var body = new ApiJson.SaveImage(repoName, tag);
        return await(call(Endpoint.SAVE_IMAGE, containerId, "/tag", body, ApiJson.SavedImage.class)).imageId();
    }

    /**
     * {@code GET /api/v1/containers/{id}/flow}: traffic between {@code from} and {@code to}, sent in the configured
     * {@link FlowTimeUnit}. A {@code null} bound is left out: the API then uses the creation time or now.
     */
    public ContainerFlow flow(long containerId, Instant from, Instant to) {
        return await(flowAsync(containerId, from, to));
    }

    public CompletableFuture<ContainerFlow> flowAsync(long containerId, Instant from, Instant to) {
        StringBuilder query = new StringBuilder("/flow");
        char separator = '?';
        if (from != null) {
            query.append(separator).append("from_time=").append(flowTimeUnit.encode(from));
            separator = '&';
        }
        if (to != null) {
            query.append(separator).append("to_time=").append(flowTimeUnit.encode(to));
        }
        return call(Endpoint.FLOW, containerId, query.toString(), null, ContainerFlow.class);
    }

    /** Calls, requests, retries, failures and token renewals so far, for a job summary. */
    public ContainerApiStats stats() {
        return metrics.snapshot();
    }

    @Override
    public void close() {
        transport.close();
    }

    private CompletableFuture<ApiToken> fetchToken(ApiCall<TokenEndpoint.Answer> call, Clock clock) {
        return transport.execute(call, TokenSource.NONE).thenApply(answer -> TokenEndpoint.toToken(answer, clock.instant()));
    }

    private <T> CompletableFuture<T> call(Endpoint endpoint, long containerId, String suffix, Object body, Class<T> type) {
        var call = ApiCall.forContainer(endpoint, containerId, CONTAINERS + "/" + containerId + suffix, body, type);
        return transport.execute(call, tokens);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the container API");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}

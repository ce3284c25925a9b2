package io.flowbill.containerapi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The client's meters. Tags are bounded: endpoint names, outcomes and reasons, the account's tenant (for a client
 * of an account), never a container id.
 * Prometheus names: {@code flowbill_api_requests_seconds}, {@code flowbill_api_retries_total},
 * {@code flowbill_api_token_renewals_total}.
 */
final class ApiMetrics {

    static final String REQUESTS = "flowbill.api.requests";
    static final String RETRIES = "flowbill.api.retries";
    static final String TOKEN_RENEWALS = "flowbill.api.token.renewals";

    private final MeterRegistry registry;
    private final Tags tenant;
    private final LongAdder calls = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder renewals = new LongAdder();
    /** Registered once per endpoint and outcome: a request then costs a map lookup, not a registry lookup. */
    private final Map<Endpoint, Map<Outcome, Timer>> timers = new ConcurrentHashMap<>();

    /** @param tenant the account's tenant, tagged on every meter; null: no tenant tag (a client of no account) */
    ApiMetrics(MeterRegistry registry, String tenant) {
        this.registry = registry;
        this.tenant = tenant == null ? Tags.empty() : Tags.of("tenant", tenant);
    }

    void callStarted() {
        calls.increment();
    }

    void callFailed() {
        failures.increment();
    }

    Timer.Sample startRequest() {
        return Timer.start(registry);
    }

    void requestEnded(Timer.Sample sample, Endpoint endpoint, Outcome outcome) {
        requests.increment();
        sample.stop(timers.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> Timer.builder(REQUESTS)
                        .description("Container API requests")
                        .tag("endpoint", endpoint.tag())
                        .tag("outcome", outcome.tag())
                        .tags(tenant)
                        .register(registry)));
    }

    void retried(Endpoint endpoint, Outcome reason) {
        retries.increment();
        Counter.builder(RETRIES)
                .description("Container API requests repeated after a transient failure or a 401")
                .tag("endpoint", endpoint.tag())
                .tag("reason", reason.tag())
                .tags(tenant)
                .register(registry)
                .increment();
    }

    /** A token obtained; {@code reason} is {@code initial}, {@code expiry} or {@code unauthorized}. */
    void tokenRenewed(String reason) {
        renewals.increment();
        Counter.builder(TOKEN_RENEWALS)
                .description("Container API tokens obtained from the token endpoint")
                .tag("reason", reason)
                .tags(tenant)
                .register(registry)
                .increment();
    }

    ContainerApiStats snapshot() {
        return new ContainerApiStats(calls.sum(), requests.sum(), retries.sum(), failures.sum(), renewals.sum());
    }
}

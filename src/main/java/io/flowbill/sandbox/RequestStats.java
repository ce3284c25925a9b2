package io.flowbill.sandbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts of a sandbox, for assertions such as "the client renewed its token exactly once": requests per
 * endpoint (every request received, whatever its answer), answers per HTTP status, dropped connections and tokens
 * issued. Thread-safe.
 */
public final class RequestStats {

    private final Map<Endpoint, LongAdder> requests = new EnumMap<>(Endpoint.class);
    private final LongAdder unknownPaths = new LongAdder();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder tokensIssued = new LongAdder();

    RequestStats() {
        for (Endpoint endpoint : Endpoint.values()) {
            requests.put(endpoint, new LongAdder());
        }
    }

    /** Requests received by this endpoint. */
    public long requests(Endpoint endpoint) {
        return requests.get(endpoint).sum();
    }

    /** All requests received, unknown paths included. */
    public long totalRequests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum() + unknownPaths.sum();
    }

    /** Answers sent with this HTTP status. */
    public long responses(int status) {
        LongAdder adder = statuses.get(status);
        return adder == null ? 0 : adder.sum();
    }

    /** Connections closed without an answer. */
    public long droppedConnections() {
        return dropped.sum();
    }

    /** Tokens issued by {@code POST /token} (the static token not counted). */
    public long tokensIssued() {
        return tokensIssued.sum();
    }

    /** Sets every count back to zero. */
    public void reset() {
        requests.values().forEach(LongAdder::reset);
        unknownPaths.reset();
        statuses.clear();
        dropped.reset();
        tokensIssued.reset();
    }

    void received(Endpoint endpoint) {
        (endpoint == null ? unknownPaths : requests.get(endpoint)).increment();
    }

    void answered(int status) {
        statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
    }

    void droppedConnection() {
        dropped.increment();
    }

    void tokenIssued() {
        tokensIssued.increment();
    }
}

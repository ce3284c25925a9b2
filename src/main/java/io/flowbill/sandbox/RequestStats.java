package io.flowbill.sandbox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final LongAdder overLimit = new LongAdder();
    private final Set<Long> listed = ConcurrentHashMap.newKeySet();
    private volatile boolean recordListed;

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

    /** Requests refused because their account was over its {@link RequestLimit}. */
    public long refusedOverLimit() {
        return overLimit.sum();
    }

    /** Tokens issued by {@code POST /token} (the static token not counted). */
    public long tokensIssued() {
        return tokensIssued.sum();
    }

    /**
     * Starts remembering the ids of every container the list endpoint serves (off by default: it grows with the
     * fleet). Tests use it to tell the containers a client could have known from those deleted unseen.
     */
    public void recordListedIds() {
        recordListed = true;
    }

    /** The ids the list endpoint served since {@link #recordListedIds()}. */
    public Set<Long> listedIds() {
        return Set.copyOf(listed);
    }

    /** Sets every count back to zero. */
    public void reset() {
        requests.values().forEach(LongAdder::reset);
        unknownPaths.reset();
        statuses.clear();
        dropped.reset();
        tokensIssued.reset();
        overLimit.reset();
        listed.clear();
    }

    void received(Endpoint endpoint) {
        (endpoint == null ? unknownPaths : requests.get(endpoint)).increment();
    }

    void answered(int status) {
        statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
    }

    void listed(List<Container> containers) {
        if (recordListed) {
            containers.forEach(c -> listed.add(c.id()));
        }
    }

    void droppedConnection() {
        dropped.increment();
    }

    void overLimit() {
        overLimit.increment();
    }

    void tokenIssued() {
        tokensIssued.increment();
    }
}

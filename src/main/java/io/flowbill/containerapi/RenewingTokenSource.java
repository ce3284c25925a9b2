package io.flowbill.containerapi;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens obtained with the app key and secret. A token is renewed ahead of time once less than 10% of its lifetime
 * is left (calls keep using it meanwhile), when it has expired, and after a 401. Only one renewal runs at a time;
 * every caller that needs it shares its result.
 */
final class RenewingTokenSource implements TokenSource {

    private static final Logger log = LoggerFactory.getLogger(RenewingTokenSource.class);

    private final Supplier<CompletableFuture<ApiToken>> fetcher;
    private final Clock clock;
    private final ApiMetrics metrics;
    private ApiToken token;
    private CompletableFuture<ApiToken> renewal;

    /** @param fetcher asks the token endpoint for a new token */
    RenewingTokenSource(Supplier<CompletableFuture<ApiToken>> fetcher, Clock clock, ApiMetrics metrics) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public CompletableFuture<ApiToken> current() {
        CompletableFuture<ApiToken> started;
        synchronized (this) {
            var now = clock.instant();
            if (token != null && !token.needsRenewal(now)) {
                return CompletableFuture.completedFuture(token);
            }
            // the token in use before the renewal starts: a fetch that completes at once must not swap it mid-call
            ApiToken inUse = token;
            started = renewal != null ? renewal : startRenewal(inUse == null ? "initial" : "expiry");
            if (inUse != null && !inUse.isExpired(now)) {
                return CompletableFuture.completedFuture(inUse);
            }
        }
        return started;
    }

    @Override
    public CompletableFuture<ApiToken> renewAfterUnauthorized(ApiToken rejected) {
        synchronized (this) {
            if (token != null && !token.equals(rejected)) {
                return CompletableFuture.completedFuture(token);
            }
            return renewal != null ? renewal : startRenewal("unauthorized");
        }
    }

    /** Called holding the lock; the fetch itself is asynchronous. */
    private CompletableFuture<ApiToken> startRenewal(String reason) {
        CompletableFuture<ApiToken> result = new CompletableFuture<>();
        renewal = result;
        CompletableFuture<ApiToken> fetched;
        try {
            fetched = fetcher.get();
        } catch (RuntimeException e) {
            fetched = CompletableFuture.failedFuture(e);
        }
        fetched.whenComplete((fresh, error) -> {
            Throwable failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            synchronized (this) {
                if (renewal == result) {
                    renewal = null;
                }
                if (fresh != null) {
                    token = fresh;
                }
            }
            if (fresh != null) {
                metrics.tokenRenewed(reason);
                log.info("Obtained a container API token ({}), expires at {}", reason, fresh.expiresAt());
                result.complete(fresh);
            } else {
                log.warn("Could not obtain a container API token ({}): {}", reason, failure.toString());
                result.completeExceptionally(failure);
            }
        });
        return result;
    }
}

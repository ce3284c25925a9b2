package io.flowbill.containerapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every call shares: the HTTP/1.1 client, the in-flight limit, the rate limit, the backoff and the scheduler
 * that runs delayed attempts. No thread waits for a response or a permit: requests go out with
 * {@link HttpClient#sendAsync}, queued calls wait on futures, and delays are scheduled.
 */
final class ApiTransport implements AutoCloseable {

    private final String baseUrl;
    private final Duration requestTimeout;
    private final Duration overallTimeout;
    private final ExecutorService httpExecutor;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final AsyncPermits permits;
    private final RateLimiter rateLimiter;
    private final Set<CallExecution<?>> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    final Backoff backoff;
    final int maxRetries;
    final ApiMetrics metrics;
    final Clock clock;

    ApiTransport(ContainerApiProperties settings, ApiMetrics metrics, Clock clock) {
        URI base = settings.baseUrl();
        if (base == null) {
            throw new IllegalStateException("flowbill.api.base-url is not set");
        }
        String text = base.toString();
        this.baseUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.requestTimeout = settings.requestTimeout();
        this.overallTimeout = settings.requestTimeout().plus(settings.connectTimeout()).plusSeconds(1);
        this.httpExecutor = Executors.newCachedThreadPool(daemonThreads("flowbill-api-http-"));
        ScheduledThreadPoolExecutor delays = new ScheduledThreadPoolExecutor(1, daemonThreads("flowbill-api-delay-"));
        delays.setRemoveOnCancelPolicy(true);
        this.scheduler = delays;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpExecutor)
                .build();
        this.permits = new AsyncPermits(settings.maxConcurrency());
        this.rateLimiter = new RateLimiter(settings.requestsPerSecond(), System::nanoTime);
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.maxRetries = settings.maxRetries();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Runs {@code call} with tokens from {@code tokens}, retrying as {@link CallExecution} describes. */
    <T> CompletableFuture<T> execute(ApiCall<T> call, TokenSource tokens) {
        CallExecution<T> execution = new CallExecution<>(this, call, tokens);
        if (closed) {
            execution.abort("the client is closed");
        } else {
            running.add(execution);
            execution.result().whenComplete((value, failure) -> running.remove(execution));
            execution.start();
        }
        return execution.result();
    }

    HttpRequest request(ApiCall<?> call, ApiToken token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + call.pathAndQuery()))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", token.authorizationHeader());
        }
        HttpRequest.BodyPublisher body = call.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(ApiJson.MAPPER.writeValueAsBytes(call.body()));
        return builder.method(call.endpoint().method(), body).build();
    }

    /**
     * Waits (without a thread) for an in-flight permit and a rate-limit slot; the caller sends at once and must
     * {@link #release()} when the answer is in.
     */
    CompletableFuture<Void> admit() {
        CompletableFuture<Void> permit = permits.acquire();
        if (!permit.isDone()) {
            permit = permit.thenApplyAsync(v -> v, httpExecutor);
        }
        return permit.thenCompose(v -> rateSlot()
                .whenComplete((slot, failure) -> {
                    if (failure != null) {
                        permits.release();
                    }
                }));
    }

    private CompletableFuture<Void> rateSlot() {
        CompletableFuture<Void> released = rateLimiter.whenReleased();
        long wait = rateLimiter.tryAcquire();
        if (wait == 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ready = wait > 0 ? delay(Duration.ofNanos(wait)) : released;
        return ready.thenCompose(v -> closed ? CompletableFuture.failedFuture(
                new IllegalStateException("the client is closed")) : rateSlot());
    }

    /** The answer to an admitted request is in (or it failed): frees its permit; its rate slot counts a second more. */
    void release() {
        rateLimiter.release();
        permits.release();
    }

    CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .orTimeout(overallTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /** A future completed after {@code delay} on the scheduler, or at once for a zero delay. */
    CompletableFuture<Void> delay(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            scheduler.schedule(() -> done.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("the client is closed", e));
        }
        return done;
    }

    boolean isClosed() {
        return closed;
    }

    /** Fails calls still running, stops the scheduler and the HTTP threads. */
    @Override
    public void close() {
        closed = true;
        for (CallExecution<?> execution : List.copyOf(running)) {
            execution.abort("the client was closed");
        }
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

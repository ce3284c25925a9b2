package io.flowbill.containerapi;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Timer;

/**
 * One call's attempts. Retried with backoff: timeouts, connection errors, 5xx, 429 and the cloud's 403/4030001, up
 * to {@code max-retries} times, honouring {@code Retry-After}; for endpoints that are not repeatable only what surely
 * did not reach the server (rate-limit answers, connections never opened). A 401 renews the token once and repeats
 * the request once, outside that budget. Every other answer fails the call at once.
 */
final class CallExecution<T> {

    private static final Logger log = LoggerFactory.getLogger(CallExecution.class);

    private final ApiTransport transport;
    private final ApiCall<T> call;
    private final TokenSource tokens;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private int attempts;
    private int retries;
    private boolean renewed;

    CallExecution(ApiTransport transport, ApiCall<T> call, TokenSource tokens) {
        this.transport = transport;
        this.call = call;
        this.tokens = tokens;
    }

    CompletableFuture<T> result() {
        return result;
    }

    void start() {
        transport.metrics.callStarted();
        attempt();
    }

    void abort(String why) {
        fail(error(0, null, null, why, null, false));
    }

    private void attempt() {
        if (finished.get()) {
            return;
        }
        tokens.current().whenComplete((token, tokenFailure) -> {
            if (tokenFailure != null) {
                fail(unwrap(tokenFailure));
                return;
            }
            transport.admit().whenComplete((admitted, notAdmitted) -> {
                if (notAdmitted != null) {
                    fail(unwrap(notAdmitted));
                } else {
                    send(token);
                }
            });
        });
    }

    private void send(ApiToken token) {
        attempts++;
        Timer.Sample sample = transport.metrics.startRequest();
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = transport.send(transport.request(call, token));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((response, failure) -> {
            transport.release();
            try {
                if (failure != null) {
                    onFailure(unwrap(failure), sample);
                } else {
                    onResponse(response, token, sample);
                }
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    private void onResponse(HttpResponse<byte[]> response, ApiToken token, Timer.Sample sample) {
        ResponseReading.Reading<T> reading = ResponseReading.read(call, response, token);
        transport.metrics.requestEnded(sample, call.endpoint(), reading.outcome());
        if (reading.outcome() == Outcome.SUCCESS) {
            succeed(reading.value());
            return;
        }
        int status = response.statusCode();
        ApiJson.Error body = reading.error();
        switch (reading.outcome()) {
            case UNAUTHORIZED -> renewAndRepeat(token, error(status, body, "unauthorized", null, false));
            case RATE_LIMITED -> retryOrFail(Outcome.RATE_LIMITED, retryAfter(response),
                    error(status, body, "rate limited", null, false));
            case SERVER_ERROR -> {
                ContainerApiException failure = error(status, body, "server error", null, false);
                if (call.endpoint().repeatable()) {
                    retryOrFail(Outcome.SERVER_ERROR, retryAfter(response), failure);
                } else {
                    fail(failure);
                }
            }
            case NOT_FOUND -> fail(new ContainerNotFoundException(call.endpoint().tag(), call.containerId(),
                    body.message(), attempts));
            case INVALID_RESPONSE -> fail(error(status, null, reading.problem(), reading.cause(), false));
            default -> fail(error(status, body, "refused", null, false));
        }
    }

    private void onFailure(Throwable failure, Timer.Sample sample) {
        TransportFailure classified = TransportFailure.of(failure, transport.requestTimeout());
        if (classified == null) {
            transport.metrics.requestEnded(sample, call.endpoint(), Outcome.IO_ERROR);
            fail(error(0, null, "unexpected failure: " + failure, failure, false));
            return;
        }
        transport.metrics.requestEnded(sample, call.endpoint(), classified.outcome());
        ContainerApiException last = error(0, null, classified.problem(), failure, false);
        if (call.endpoint().repeatable() || classified.neverSent()) {
            retryOrFail(classified.outcome(), null, last);
        } else {
            fail(last);
        }
    }

    private void renewAndRepeat(ApiToken rejected, ContainerApiException unauthorized) {
        if (renewed || rejected == null) {
            fail(unauthorized);
            return;
        }
        renewed = true;
        tokens.renewAfterUnauthorized(rejected).whenComplete((fresh, failure) -> {
            if (failure != null) {
                fail(unwrap(failure));
            } else if (fresh == null || fresh.equals(rejected)) {
                fail(unauthorized);
            } else {
                transport.metrics.retried(call.endpoint(), Outcome.UNAUTHORIZED);
                attempt();
            }
        });
    }

    private void retryOrFail(Outcome reason, Duration retryAfter, ContainerApiException last) {
        if (transport.isClosed()) {
            // closing raced with this answer: the call ends as closed, whichever of the two came first
            abort("the client was closed");
            return;
        }
        if (retries >= transport.maxRetries) {
            fail(error(last.httpStatus(), last.apiCode(), last.apiMessage(), last.problem(),
                    last.getCause() != null ? last.getCause() : last, true));
            return;
        }
        retries++;
        Duration delay = transport.backoff.delay(retries, retryAfter);
        transport.metrics.retried(call.endpoint(), reason);
        log.debug("{}: retry {}/{} in {} ms after {}{}", describeCall(), retries, transport.maxRetries,
                delay.toMillis(), last.problem(), last.httpStatus() == 0 ? ""
                        : " (HTTP " + last.httpStatus() + ", code " + last.apiCode() + ")");
        transport.delay(delay).whenComplete((done, rejected) -> {
            if (rejected != null) {
                fail(unwrap(rejected));
            } else {
                attempt();
            }
        });
    }

    /** Counts before completing, so that a caller woken by the result reads up-to-date stats. */
    private void fail(Throwable failure) {
        if (finished.compareAndSet(false, true)) {
            transport.metrics.callFailed();
            log.debug("{} failed: {}", describeCall(), failure.getMessage());
            result.completeExceptionally(failure);
        }
    }

    private void succeed(T value) {
        if (finished.compareAndSet(false, true)) {
            result.complete(value);
        }
    }

    private ContainerApiException error(int status, ApiJson.Error body, String problem, Throwable cause, boolean exhausted) {
        return error(status, body == null ? null : body.code(), body == null ? null : body.message(), problem, cause,
                exhausted);
    }

    private ContainerApiException error(int status, Integer code, String message, String problem, Throwable cause,
            boolean exhausted) {
        return new ContainerApiException(call.endpoint().tag(), call.containerId(), status, code, message,
                Math.max(attempts, 1), exhausted, problem, cause);
    }

    private Duration retryAfter(HttpResponse<?> response) {
        return RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), transport.clock.instant());
    }

    private String describeCall() {
        return call.endpoint().tag() + (call.containerId() == null ? "" : " container " + call.containerId());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

package io.flowbill.containerapi;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A request that got no HTTP answer, classified: a timeout or an I/O error (refused, reset, EOF on a dropped
 * connection), and whether the request surely never reached the server (the connection never opened), which makes
 * it safe to repeat even for endpoints that are not repeatable.
 */
record TransportFailure(Outcome outcome, String problem, boolean neverSent) {

    /** The classification of {@code failure}, or {@code null} when it is no transport failure (a bug). */
    static TransportFailure of(Throwable failure, Duration requestTimeout) {
        boolean neverSent = failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException;
        if (failure instanceof HttpTimeoutException || failure instanceof TimeoutException) {
            return new TransportFailure(Outcome.TIMEOUT,
                    neverSent ? "connect timed out" : "no answer within " + requestTimeout, neverSent);
        }
        if (failure instanceof IOException) {
            return new TransportFailure(Outcome.IO_ERROR,
                    (neverSent ? "connection failed: " : "connection error: ") + failure, neverSent);
        }
        return null;
    }
}

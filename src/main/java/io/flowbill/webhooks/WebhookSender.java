package io.flowbill.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the deliveries that are due: each a POST of the event's JSON, signed ({@link WebhookSignature}). A 2xx
 * answer makes it DELIVERED; anything else (another status, a timeout, a refused connection) is retried after a
 * {@link Backoff}, until {@code flowbill.webhooks.retry-for} after the event, then it is FAILED. The state is the
 * table's, so a restart goes on with the same schedule; due rows are taken with {@code FOR UPDATE SKIP LOCKED} and
 * kept locked while they are sent, so of several {@code serve} replicas exactly one sends each.
 */
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int MAX_BATCHES = 100;
    private static final int MAX_ERROR = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final WebhookProperties settings;
    private final Clock clock;
    private final HttpClient http;
    private final Backoff backoff;

    WebhookSender(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, WebhookProperties settings,
            Clock clock, HttpClient http, Backoff backoff) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.clock = clock;
        this.http = http;
        this.backoff = backoff;
    }

    /** A delivery taken to be sent. */
    private record Due(long id, String eventId, String tenant, String body, String url, int attempts,
            Instant retryingSince) {
    }

    /** Sends every delivery due now, a batch at a time; returns how many attempts it made. */
    public int sendDue() {
        int attempts = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Due> due = transaction.execute(status -> claimBatch());
            due.stream().sorted(Comparator.comparingLong(Due::id)).forEach(this::attempt);
            attempts += due.size();
            if (due.size() < settings.batchSize()) {
                break;
            }
        }
        return attempts;
    }

    /**
     * Takes up to a batch of due deliveries and moves their next attempt past the time the batch may take to send
     * (one {@code timeout} per delivery, plus one), so no other replica takes them meanwhile.
     */
    private List<Due> claimBatch() {
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(settings.timeout().multipliedBy(settings.batchSize() + 1L));
        return jdbc.query("""
                update webhook_delivery d set next_attempt_at = ?
                  from (select id from webhook_delivery
                         where status = 'PENDING' and next_attempt_at <= ?
                         order by next_attempt_at, id
                         limit ?
                           for update skip locked) due
                 where d.id = due.id
                returning d.id, d.event_id, d.tenant_id, d.payload::text, d.endpoint_url, d.attempts, d.retrying_since
                """, (rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant()),
                Timestamp.from(leaseEnd), Timestamp.from(now), settings.batchSize());
    }

    private void attempt(Due delivery) {
        Optional<WebhookProperties.Endpoint> endpoint = settings.endpoints().stream()
                .filter(e -> e.tenant().equals(delivery.tenant()) && e.url().toString().equals(delivery.url()))
                .findFirst();
        if (endpoint.isEmpty()) {
            finish(delivery, "FAILED", null, "the endpoint is no longer configured for tenant " + delivery.tenant());
            return;
        }
        Instant now = clock.instant();
        Integer code = null;
        String error;
        try {
            String secret = secret(endpoint.get());
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "flowbill-webhooks")
                    .header(WebhookSignature.EVENT_ID_HEADER, delivery.eventId())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(secret, now.getEpochSecond(),
                            delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            code = response.statusCode();
            if (code / 100 == 2) {
                finish(delivery, "DELIVERED", code, null);
                log.info("Webhook {} of tenant {} delivered to {} (attempt {})", delivery.eventId(), delivery.tenant(),
                        delivery.url(), delivery.attempts() + 1);
                return;
            }
            error = "HTTP " + code;
        }
        catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        retryOrFail(delivery, now, code, error);
    }

    private void retryOrFail(Due delivery, Instant now, Integer code, String error) {
        int attempts = delivery.attempts() + 1;
        Instant next = now.plus(backoff.after(attempts));
        if (next.isAfter(delivery.retryingSince().plus(settings.retryFor()))) {
            finish(delivery, "FAILED", code, error);
            log.warn("Webhook {} of tenant {} to {} failed for good after {} attempts: {}", delivery.eventId(),
                    delivery.tenant(), delivery.url(), attempts, error);
            return;
        }
        jdbc.update("""
                update webhook_delivery set attempts = ?, last_attempt_at = ?, next_attempt_at = ?,
                  last_response_code = ?, last_error = ?
                 where id = ?
                """, attempts, Timestamp.from(now), Timestamp.from(next), code, shorten(error), delivery.id());
        log.info("Webhook {} of tenant {} to {} failed (attempt {}: {}); next attempt at {}", delivery.eventId(),
                delivery.tenant(), delivery.url(), attempts, error, next);
    }

    private void finish(Due delivery, String status, Integer code, String error) {
        Instant now = clock.instant();
        jdbc.update("""
                update webhook_delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?,
                  last_response_code = ?, last_error = ?, delivered_at = ?
                 where id = ?
                """, status, Timestamp.from(now), code, shorten(error),
                "DELIVERED".equals(status) ? Timestamp.from(now) : null, delivery.id());
    }

    /** The endpoint's secret, read at every attempt (a rotated file is used at once); never logged. */
    private static String secret(WebhookProperties.Endpoint endpoint) throws IOException {
        String location = endpoint.secretFile().startsWith("file:") ? endpoint.secretFile().substring(5)
                : endpoint.secretFile();
        try {
            return Files.readString(Path.of(location), StandardCharsets.UTF_8).stripTrailing();
        }
        catch (IOException e) {
            throw new IOException("the secret file of the endpoint (flowbill.webhooks.endpoints[].secret-file "
                    + location + ") cannot be read");
        }
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}

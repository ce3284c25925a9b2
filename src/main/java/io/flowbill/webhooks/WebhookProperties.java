package io.flowbill.webhooks;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * {@code flowbill.webhooks.*} (docs/webhooks.md): where each tenant's events are sent, the month-to-date thresholds
 * that raise {@code usage.threshold_crossed}, and how deliveries are retried. The secret of an endpoint is only ever
 * named by a file; its content is read when a delivery is signed, never logged or stored.
 *
 * @param endpoints      the endpoints, each of one tenant
 * @param thresholds     the month-to-date amounts per tenant that raise {@code usage.threshold_crossed} once a month
 * @param initialBackoff the wait after the first failed attempt; it doubles after every further failure
 * @param maxBackoff     the longest wait between two attempts
 * @param retryFor       how long a delivery is retried after its event (or its replay); then it is FAILED
 * @param sendInterval   how often {@code serve} looks for due deliveries
 * @param timeout        how long one attempt may take (connecting and answering)
 * @param batchSize      how many due deliveries one look claims at a time
 * @param autoSend       whether {@code serve} sends by itself; false leaves the sending to the caller (tests)
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.webhooks")
public record WebhookProperties(
        @Valid List<Endpoint> endpoints,
        @Valid List<Threshold> thresholds,
        @NotNull @DefaultValue("30s") Duration initialBackoff,
        @NotNull @DefaultValue("1h") Duration maxBackoff,
        @NotNull @DefaultValue("24h") Duration retryFor,
        @NotNull @DefaultValue("10s") Duration sendInterval,
        @NotNull @DefaultValue("10s") Duration timeout,
        @Positive @DefaultValue("20") int batchSize,
        @DefaultValue("true") boolean autoSend) {

    public WebhookProperties {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        for (Duration positive : new Duration[] { initialBackoff, maxBackoff, sendInterval, timeout }) {
            if (positive != null && (positive.isZero() || positive.isNegative())) {
                throw new IllegalArgumentException("flowbill.webhooks durations must be positive, not " + positive);
            }
        }
    }

    /**
     * One endpoint of one tenant.
     *
     * @param tenant     whose events it receives
     * @param url        where they are POSTed (http or https)
     * @param secretFile the file holding the signing secret (its content, trailing line break taken off)
     * @param events     which events it receives ({@code invoice.finalized}, ...); empty: every event
     */
    public record Endpoint(@NotBlank String tenant, @NotNull URI url, @NotBlank String secretFile,
            List<String> events) {

        public Endpoint {
            events = events == null ? List.of() : List.copyOf(events);
            for (String event : events) {
                if (EventType.named(event).isEmpty()) {
                    throw new IllegalArgumentException("event '" + event + "' is not one flowbill sends; write some of "
                            + EventType.names() + ", or leave events out for every one");
                }
            }
            if (url != null && !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
                throw new IllegalArgumentException("url '" + url + "' is not an http or https URL");
            }
        }

        boolean receives(String tenantId, EventType type) {
            return tenant.equals(tenantId) && (events.isEmpty() || events.contains(type.wireName()));
        }
    }

    /**
     * A month-to-date amount of one tenant, in the price book's currency.
     *
     * @param tenant whose month to date is compared
     * @param amount the amount that, first reached in a month, raises {@code usage.threshold_crossed}
     */
    public record Threshold(@NotBlank String tenant, @NotNull @Positive BigDecimal amount) {
    }
}

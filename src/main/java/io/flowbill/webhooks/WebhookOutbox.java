package io.flowbill.webhooks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records events in {@code webhook_delivery}, in the caller's transaction (the transaction of the fact the event
 * announces): one row per endpoint of the tenant that receives the event. An event's id is derived from what it
 * announces (tenant, type and subject: the month closed, the day billed, ...), and the table holds an event once per
 * endpoint, so a rerun of the same day or close records nothing twice. A tenant without endpoints gets no rows.
 */
@Component
public class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final WebhookProperties settings;
    private final Clock clock;

    WebhookOutbox(JdbcTemplate jdbc, WebhookProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records the event {@code type} of {@code tenant} about {@code subject} (unique per tenant and type, e.g. the
     * month or the day) with {@code data} as the payload's {@code data}; returns how many deliveries it added (0
     * when it was recorded before, or when no endpoint receives it).
     */
    public int record(String tenant, EventType type, String subject, Map<String, Object> data) {
        List<WebhookProperties.Endpoint> endpoints = settings.endpoints().stream()
                .filter(endpoint -> endpoint.receives(tenant, type)).toList();
        if (endpoints.isEmpty()) {
            return 0;
        }
        UUID id = eventId(tenant, type, subject);
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id.toString());
        payload.put("type", type.wireName());
        payload.put("tenant", tenant);
        payload.put("created_at", now.toString());
        payload.put("data", data);
        String body = JSON.writeValueAsString(payload);
        int added = 0;
        for (WebhookProperties.Endpoint endpoint : endpoints) {
            added += jdbc.update("""
                    insert into webhook_delivery (event_id, tenant_id, event_type, payload, endpoint_url, created_at,
                      retrying_since, next_attempt_at)
                    values (?, ?, ?, cast(? as json), ?, ?, ?, ?)
                    on conflict on constraint webhook_delivery_event_endpoint_uq do nothing
                    """, id, tenant, type.wireName(), body, endpoint.url().toString(), Timestamp.from(now),
                    Timestamp.from(now), Timestamp.from(now));
        }
        return added;
    }

    /** Whether an endpoint of {@code tenant} receives {@code type}, or (for thresholds) the tenant has thresholds. */
    public boolean wanted(String tenant, EventType type) {
        boolean received = settings.endpoints().stream().anyMatch(endpoint -> endpoint.receives(tenant, type));
        return received && (type != EventType.USAGE_THRESHOLD_CROSSED
                || settings.thresholds().stream().anyMatch(threshold -> threshold.tenant().equals(tenant)));
    }

    /**
     * The tenant's month to date after billing {@code day} is {@code amount}: records
     * {@code usage.threshold_crossed} for each of the tenant's thresholds it reaches, once per threshold and month
     * (a later day of the month that is still above it records nothing new).
     */
    public int monthToDate(String tenant, LocalDate day, BigDecimal amount, String currency) {
        int added = 0;
        YearMonth month = YearMonth.from(day);
        for (WebhookProperties.Threshold threshold : settings.thresholds()) {
            if (threshold.tenant().equals(tenant) && amount.compareTo(threshold.amount()) >= 0) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("month", month.toString());
                data.put("day", day.toString());
                data.put("threshold", threshold.amount().toPlainString());
                data.put("month_to_date", amount.toPlainString());
                data.put("currency", currency);
                added += record(tenant, EventType.USAGE_THRESHOLD_CROSSED,
                        month + "/" + threshold.amount().stripTrailingZeros().toPlainString(), data);
            }
        }
        return added;
    }

    /** The same id for the same announcement, whichever run records it. */
    static UUID eventId(String tenant, EventType type, String subject) {
        return UUID.nameUUIDFromBytes((tenant + "\n" + type.wireName() + "\n" + subject)
                .getBytes(StandardCharsets.UTF_8));
    }
}

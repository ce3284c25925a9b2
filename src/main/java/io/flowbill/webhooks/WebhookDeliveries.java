package io.flowbill.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The deliveries as {@code webhooks list} shows them, and {@code webhooks replay}. */
@Component
public class WebhookDeliveries {

    /** The statuses a delivery has. */
    public static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "FAILED");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    WebhookDeliveries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One delivery of one event to one endpoint. */
    public record Delivery(long id, String eventId, String tenant, String type, String url, String status,
            int attempts, Instant createdAt, Instant nextAttemptAt, Integer lastResponseCode, String lastError) {
    }

    /** The deliveries, newest first, of {@code tenant} and {@code status} (null: any). */
    public List<Delivery> list(String tenant, String status, int limit) {
        return list(tenant, status, limit, null);
    }

    private List<Delivery> list(String tenant, String status, int limit, Long id) {
        StringBuilder sql = new StringBuilder("""
                select id, event_id, tenant_id, event_type, endpoint_url, status, attempts, created_at, next_attempt_at,
                       last_response_code, last_error
                  from webhook_delivery where true""");
        List<Object> args = new ArrayList<>();
        if (tenant != null) {
            sql.append(" and tenant_id = ?");
            args.add(tenant);
        }
        if (id != null) {
            sql.append(" and id = ?");
            args.add(id);
        }
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status);
        }
        sql.append(" order by created_at desc, id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(), (Integer) rs.getObject(10), rs.getString(11)), args.toArray());
    }

    /** Delivery {@code id}, if there is one. */
    public Optional<Delivery> find(long id) {
        return list(null, null, Integer.MAX_VALUE, id).stream().findFirst();
    }

    /**
     * Makes delivery {@code id} due now with a new series of attempts (the same event id and body, so a receiver
     * that has it already can tell); returns false when there is no such delivery.
     */
    public boolean replay(long id) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("""
                update webhook_delivery set status = 'PENDING', attempts = 0, retrying_since = ?, next_attempt_at = ?,
                  delivered_at = null
                 where id = ?
                """, now, now, id) == 1;
    }
}

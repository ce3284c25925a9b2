package io.flowbill.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.flowbill.accounts.Accounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;

/**
 * {@code flowbill_webhook_deliveries_pending} and {@code flowbill_webhook_deliveries_failed} per {@code tenant}:
 * the webhook deliveries still being tried, and those given up (FAILED until replayed), read from
 * {@code webhook_delivery}; every configured account is reported, with 0 when it has none.
 */
@Component
class WebhookGauges {

    static final String PENDING = "flowbill.webhook.deliveries.pending";
    static final String FAILED = "flowbill.webhook.deliveries.failed";

    private final JdbcTemplate jdbc;
    private final List<String> accounts;
    private final MultiGauge pending;
    private final MultiGauge failed;

    WebhookGauges(JdbcTemplate jdbc, Accounts accounts, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.accounts = accounts.tenants();
        this.pending = MultiGauge.builder(PENDING).description("Webhook deliveries still being tried (PENDING)")
                .register(registry);
        this.failed = MultiGauge.builder(FAILED)
                .description("Webhook deliveries given up after their retries (FAILED until replayed)")
                .register(registry);
    }

    void refresh() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        new TreeSet<>(accounts).forEach(tenant -> counts.put(tenant, new long[2]));
        jdbc.query("select tenant_id, status, count(*) from webhook_delivery where status in ('PENDING', 'FAILED')"
                + " group by tenant_id, status order by tenant_id", rs -> {
                    long[] tenant = counts.computeIfAbsent(rs.getString(1), t -> new long[2]);
                    tenant["PENDING".equals(rs.getString(2)) ? 0 : 1] = rs.getLong(3);
                });
        pending.register(rows(counts, 0), true);
        failed.register(rows(counts, 1), true);
    }

    private static List<Row<?>> rows(Map<String, long[]> counts, int index) {
        return counts.entrySet().stream().<Row<?>>map(entry -> Row.of(Tags.of("tenant", entry.getKey()),
                (double) entry.getValue()[index])).toList();
    }
}

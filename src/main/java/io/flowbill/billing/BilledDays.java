package io.flowbill.billing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.flowbill.export.ExportService;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.OneLineReason;
import io.flowbill.webhooks.EventType;
import io.flowbill.webhooks.WebhookOutbox;

/**
 * {@code billed_day}: the days of a tenant billed completely (rated, invoiced, exported) by {@code dayBillingJob},
 * whether {@code nightly} or {@code serve} ran it. The metrics read each tenant's last billed day here, so that a
 * missed nightly is seen whatever other job completed. In the same transaction the webhooks' {@code day.billed}
 * event is recorded, and {@code usage.threshold_crossed} for each threshold the month to date (as the day report
 * computes it) reaches.
 */
@Component
class BilledDays {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final WebhookOutbox webhooks;
    private final ExportService exports;
    private final String currency;

    BilledDays(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, WebhookOutbox webhooks,
            ExportService exports, PriceBook book) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.webhooks = webhooks;
        this.exports = exports;
        this.currency = book.currency().getCurrencyCode();
    }

    void record(String tenant, LocalDate day, Instant at) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into billed_day (tenant_id, charge_date, billed_at) values (?, ?, ?)
                    on conflict (tenant_id, charge_date) do update set billed_at = excluded.billed_at
                    """, tenant, Date.valueOf(day), Timestamp.from(at));
            if (!webhooks.wanted(tenant, EventType.DAY_BILLED)
                    && !webhooks.wanted(tenant, EventType.USAGE_THRESHOLD_CROSSED)) {
                return;
            }
            BigDecimal monthToDate = exports.monthToDate(tenant, day).total();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("day", day.toString());
            data.put("month_to_date", monthToDate.toPlainString());
            data.put("currency", currency);
            webhooks.record(tenant, EventType.DAY_BILLED, day.toString(), data);
            webhooks.monthToDate(tenant, day, monthToDate, currency);
        });
    }

    /**
     * The tenant's billing run of {@code day} did not complete: records {@code billing.failed} once per run that
     * failed (a run stopped by a shutdown is resumed, not failed). The job repository has stored the run's end by
     * now; the event follows it in a transaction of its own.
     */
    void failed(String tenant, LocalDate day, JobExecution execution, Exception failure) {
        if (execution.getStatus() != BatchStatus.FAILED) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("day", day.toString());
        data.put("job_execution_id", execution.getId());
        data.put("reason", OneLineReason.of(failure));
        transaction.executeWithoutResult(status -> webhooks.record(tenant, EventType.BILLING_FAILED,
                "run/" + execution.getId(), data));
    }
}

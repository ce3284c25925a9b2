package io.flowbill.metrics;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The end of a one-shot run: records the command's outcome and duration, then, when configured, pushes the
 * metrics to the Pushgateway ({@code flowbill.metrics.pushgateway.url}, into the command's own group) and writes
 * them to node_exporter's textfile ({@code flowbill.metrics.textfile}). The gauges read from the database are read
 * again first, so every push carries the last run, success and failure of every job and the last billed day's
 * figures whatever the command was. {@code serve} reads the same gauges at start and on every tick
 * ({@link #refreshDatabaseFigures}). Nothing here throws: publishing cannot fail the billing run.
 */
@Component
public class MetricsPublisher {

    static final String COMMAND_DURATION = "flowbill.command.duration";

    private static final Logger log = LoggerFactory.getLogger(MetricsPublisher.class);

    private final PrometheusMeterRegistry registry;
    private final MetricsProperties settings;
    private final BillingMetrics billing;
    private final JobRunGauges lastRuns;
    private final WebhookGauges webhooks;

    MetricsPublisher(PrometheusMeterRegistry registry, MetricsProperties settings, BillingMetrics billing,
            JobRunGauges lastRuns, WebhookGauges webhooks) {
        this.webhooks = webhooks;
        this.registry = registry;
        this.settings = settings;
        this.billing = billing;
        this.lastRuns = lastRuns;
    }

    /** A one-shot command ended after {@code elapsed}; {@code completed} when it exited 0. */
    public void commandEnded(String command, boolean completed, Duration elapsed) {
        try {
            Timer.builder(COMMAND_DURATION)
                    .description("One-shot command runs by outcome, and how long they took")
                    .tag("command", command)
                    .tag("outcome", completed ? "completed" : "failed")
                    .register(registry)
                    .record(elapsed);
            if (settings.publishes()) {
                publish(command);
            }
        }
        catch (RuntimeException e) {
            log.warn("Publishing the metrics of {} failed: {}; the run itself is not affected", command, e.toString());
        }
    }

    /**
     * Reads the gauges that come from the database again (last run, success and failure of every job, the last
     * billed day's figures, the unresolved exceptions). {@code serve} calls it when it starts, so that its first
     * scrape has them, and on every tick; failures are logged.
     */
    public void refreshDatabaseFigures() {
        try {
            lastRuns.refresh();
            billing.refresh();
            webhooks.refresh();
        }
        catch (RuntimeException e) {
            log.warn("Reading the figures for the metrics from the database failed: {}", e.toString());
        }
    }

    private void publish(String command) {
        refreshDatabaseFigures();
        byte[] text = PrometheusText.render(registry);
        if (settings.pushgateway().url() != null) {
            new PushgatewayClient(settings.pushgateway(), command).push(text);
        }
        if (settings.textfile() != null) {
            Textfile.write(settings.textfile(), text);
        }
    }
}

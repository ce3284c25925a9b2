/**
 * flowbill's Prometheus metrics beyond the API client's, and how a one-shot run publishes them.
 *
 * <ul>
 *   <li>{@link io.flowbill.metrics.JobMetrics} (registered on every batch job by
 *       {@link io.flowbill.metrics.MetricsConfiguration}): {@code flowbill.job.duration} (timer; {@code job_name},
 *       {@code tenant}, {@code status}), {@code flowbill.step.items.read/written/skipped} (counters; {@code job_name},
 *       {@code step_name}), all at 0 from the start; {@link io.flowbill.metrics.JobRunGauges}:
 *       {@code flowbill.last.run/success/failure.timestamp} per job and tenant from the job repository. Spring
 *       Batch's own observation meters ({@code spring.batch.*}) stay as they are.</li>
 *   <li>{@link io.flowbill.metrics.BillingMetrics}: each tenant's last billed day ({@code billed_day}) and its
 *       figures as gauges read from the tables through {@code invoicing.DayFiguresQuery} and
 *       {@link io.flowbill.metrics.TenantFacts} ({@code flowbill.day.*}, {@code flowbill.invoice.month.to.date},
 *       {@code flowbill.billed.day.timestamp}, {@code flowbill.exceptions.unresolved}), each with a tenant, and
 *       {@code flowbill.figures.observed.timestamp}: when they were read, so the newest source wins.</li>
 *   <li>{@link io.flowbill.metrics.MetricsPublisher}: at the end of a one-shot command, {@code flowbill.command.duration}
 *       and the push to a Pushgateway (the command's own group) and/or the node_exporter textfile
 *       ({@link io.flowbill.metrics.MetricsProperties}, {@code flowbill.metrics.*}); {@code serve} reads the database
 *       gauges at start and on every tick. Publishing never fails the run.</li>
 * </ul>
 *
 * <p>Labels are bounded words (job, step, status, charge type, spec, item, currency, kind, tenant), never a container
 * id; docs/metrics.md has the table of every metric.
 */
package io.flowbill.metrics;

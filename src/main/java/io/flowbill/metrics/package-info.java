/**
 * flowbill's Prometheus metrics beyond the API client's, and how a one-shot run publishes them.
 *
 * <ul>
 *   <li>{@link io.flowbill.metrics.JobMetrics} (registered on every batch job by
 *       {@link io.flowbill.metrics.MetricsConfiguration}): {@code flowbill.job.duration} (timer; {@code job_name},
 *       {@code status}), {@code flowbill.step.items.read/written/skipped} (counters; {@code job_name},
 *       {@code step_name}); {@link io.flowbill.metrics.LastSuccessGauge}: {@code flowbill.job.last.success.timestamp}
 *       from the job repository. Spring Batch's own observation meters ({@code spring.batch.*}) stay as they are.</li>
 *   <li>{@link io.flowbill.metrics.BillingMetrics}: the last billed day's figures as gauges read from the tables
 *       ({@code flowbill.day.*}, {@code flowbill.invoice.month.to.date}, {@code flowbill.billed.day.timestamp}).</li>
 *   <li>{@link io.flowbill.metrics.MetricsPublisher}: at the end of a one-shot command, {@code flowbill.command.duration}
 *       and the push to a Pushgateway and/or the node_exporter textfile ({@link io.flowbill.metrics.MetricsProperties},
 *       {@code flowbill.metrics.*}). Publishing never fails the run.</li>
 * </ul>
 *
 * <p>Labels are bounded words (job, step, status, charge type, spec, item, currency, kind, tenant), never a container
 * id; the README has the table of every metric.
 */
package io.flowbill.metrics;

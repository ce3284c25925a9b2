package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    static final String SCRAPE = """
            # HELP flowbill_day_billed_amount Amount
            # TYPE flowbill_day_billed_amount gauge
            flowbill_day_billed_amount{charge_type="package",currency="CNY",item="package"} 44.12
            # HELP process_start_time_seconds Start time of the process since unix epoch.
            # TYPE process_start_time_seconds gauge
            process_start_time_seconds 1.7E9
            # HELP spring_batch_job_seconds Spring Batch job executions
            # TYPE spring_batch_job_seconds summary
            spring_batch_job_seconds_count{spring_batch_job_name="ratingJob"} 1
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2E7
            """;

    @Test
    void keepsFlowbillAndSpringBatchFamiliesAndDropsTheProcessAndJvm() {
        assertThat(PrometheusText.filter(SCRAPE)).isEqualTo("""
                # HELP flowbill_day_billed_amount Amount
                # TYPE flowbill_day_billed_amount gauge
                flowbill_day_billed_amount{charge_type="package",currency="CNY",item="package"} 44.12
                # HELP spring_batch_job_seconds Spring Batch job executions
                # TYPE spring_batch_job_seconds summary
                spring_batch_job_seconds_count{spring_batch_job_name="ratingJob"} 1
                """);
    }

    @Test
    void namesTheMetricOfCommentsAndSamples() {
        assertThat(PrometheusText.metricName("# HELP flowbill_x_total Things")).isEqualTo("flowbill_x_total");
        assertThat(PrometheusText.metricName("# TYPE flowbill_x_total counter")).isEqualTo("flowbill_x_total");
        assertThat(PrometheusText.metricName("flowbill_x_total{a=\"b c\"} 1")).isEqualTo("flowbill_x_total");
        assertThat(PrometheusText.metricName("flowbill_y 2.0")).isEqualTo("flowbill_y");
        assertThat(PrometheusText.metricName("# EOF")).isEmpty();
    }

    @Test
    void anEmptyScrapeGivesAnEmptyText() {
        assertThat(PrometheusText.filter("")).isEmpty();
    }
}

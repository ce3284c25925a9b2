package io.flowbill.metrics;

import java.time.Duration;
import java.util.List;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.accounts.Accounts;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Wires the job meters into every batch job of the context (the way Spring Batch's own observability post-processor
 * wires its observations, so a new job gets them without a line of its own), gives the API request timer
 * histogram buckets for latency quantiles, and Spring Batch's meters a help text.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** Buckets of {@code flowbill_api_requests_seconds}: a dozen fixed bounds from 10 ms to the 30 s timeout. */
    static final Duration[] API_LATENCY_BUCKETS = { Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30) };

    /** Every job of the context, by its bean name (which is its job name), also one that never ran. */
    @Bean
    JobRunGauges jobRunGauges(JdbcTemplate jdbc, MeterRegistry registry, ListableBeanFactory beans, Accounts accounts) {
        return new JobRunGauges(jdbc, registry, List.of(beans.getBeanNamesForType(Job.class, false, false)),
                accounts.tenants());
    }

    @Bean
    JobMetrics jobMetrics(MeterRegistry registry, JobRunGauges jobRunGauges, Accounts accounts) {
        return new JobMetrics(registry, jobRunGauges, accounts.tenants());
    }

    @Bean
    static BeanPostProcessor jobMetricsRegistrar(ObjectProvider<JobMetrics> jobMetrics) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(jobMetrics.getObject());
                    jobMetrics.getObject().registerAtZero(job);
                }
                return bean;
            }
        };
    }

    @Bean
    MeterFilter springBatchDescriptions() {
        return new SpringBatchDescriptions();
    }

    @Bean
    MeterFilter apiLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("flowbill.api.requests")) {
                    return config;
                }
                double[] bounds = new double[API_LATENCY_BUCKETS.length];
                for (int i = 0; i < bounds.length; i++) {
                    bounds[i] = API_LATENCY_BUCKETS[i].toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bounds).build().merge(config);
            }
        };
    }
}

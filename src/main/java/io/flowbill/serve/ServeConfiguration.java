package io.flowbill.serve;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.accounts.Accounts;
import io.flowbill.billing.BillingService;
import io.flowbill.metering.MeteringProperties;
import io.flowbill.metering.MeteringService;
import io.flowbill.metrics.MetricsPublisher;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.Partitions;

/** The {@code serve} mode's beans; present only when flowbill runs as a web application ({@code serve}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ServeConfiguration {

    @Bean
    ScheduleState scheduleState(JdbcTemplate jdbc) {
        return new ScheduleState(jdbc);
    }

    @Bean
    StoppedRuns stoppedRuns(JobRepository jobRepository) {
        return new StoppedRuns(jobRepository);
    }

    @Bean
    RunningJobs runningJobs(List<Job> jobs) {
        return new RunningJobs(jobs);
    }

    @Bean
    ServeScheduler serveScheduler(Clock clock, DataSource dataSource, ScheduleState state, StoppedRuns stoppedRuns,
            MeteringService metering, MeteringProperties meteringSettings, PriceBook book, BillingService billing,
            ServeProperties settings, Accounts accounts, Partitions partitions) {
        return new ServeScheduler(clock, dataSource, state, stoppedRuns, metering, meteringSettings, book.zone(),
                billing, settings, accounts, partitions);
    }

    @Bean
    ServeLifecycle serveLifecycle(ServeScheduler scheduler, RunningJobs runningJobs, JobOperator jobOperator,
            ServeProperties settings, MetricsPublisher metrics) {
        return new ServeLifecycle(scheduler, runningJobs, jobOperator, settings, metrics);
    }
}

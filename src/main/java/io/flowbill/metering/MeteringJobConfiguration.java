package io.flowbill.metering;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.flowbill.containerapi.ContainerApiClient;

/**
 * {@code meteringJob}: {@code inventoryStep} (scan the fleet into the inventory history), {@code flowStep}
 * (one flow call per container-hour, written as usage rows), {@code windowCloseStep} (check the failure share,
 * mark the windows metered). A restart runs all three again: the scan is fresh, and the flow step reads only the
 * hours not yet written, so a restart after an outage reads exactly what the failed run could not. Identifying parameters: {@code from}, {@code to}; {@code refresh} for a refresh and
 * {@code retry} for a new attempt at hours a completed run could not read, {@code recheck} for a recheck of closed
 * windows (no scan: pending traffic and containers found late; the windows stay as they were closed). Each carries
 * the time of the request and a unique id.
 */
@Configuration(proxyBeanMethods = false)
class MeteringJobConfiguration {

    static final String FROM = "from";
    static final String TO = "to";
    static final String REFRESH = "refresh";
    static final String RETRY = "retry";
    static final String RECHECK = "recheck";

    @Bean
    Job meteringJob(JobRepository jobRepository, Step inventoryStep, Step flowStep, Step windowCloseStep) {
        return new JobBuilder("meteringJob", jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] { FROM, TO }, new String[] { REFRESH, RETRY, RECHECK }))
                .start(inventoryStep)
                .next(flowStep)
                .next(windowCloseStep)
                .build();
    }

    @Bean
    Step inventoryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            InventoryTasklet inventoryTasklet) {
        return new StepBuilder("inventoryStep", jobRepository)
                .tasklet(inventoryTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step flowStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            FlowCallReader flowCallReader, UsageWriter usageWriter, FlowProgress flowProgress,
            MeteringProperties settings) {
        return new StepBuilder("flowStep", jobRepository)
                .<CompletableFuture<MeteredHour>, CompletableFuture<MeteredHour>>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(flowCallReader)
                .writer(usageWriter)
                .listener(flowProgress)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step windowCloseStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            WindowCloser windowCloser) {
        return new StepBuilder("windowCloseStep", jobRepository)
                .tasklet(windowCloser, transactionManager)
                .build();
    }

    @Bean
    InventoryScanner inventoryScanner(ContainerApiClient client, InventoryStore store, Clock clock,
            MeteringProperties settings) {
        return new InventoryScanner(client, store, clock, settings.maxScanPasses());
    }

    @Bean
    @StepScope
    InventoryTasklet inventoryTasklet(InventoryScanner inventoryScanner, MeteringProperties settings,
            @Value("#{jobParameters['recheck']}") String recheck) {
        return new InventoryTasklet(inventoryScanner, settings, recheck != null);
    }

    @Bean
    @StepScope
    FlowCallReader flowCallReader(JdbcTemplate jdbc, ContainerApiClient client, MeteringProperties settings,
            @Value("#{jobParameters['from']}") String from, @Value("#{jobParameters['to']}") String to,
            @Value("#{jobParameters['refresh']}") String refresh, @Value("#{jobParameters['recheck']}") String recheck) {
        ContainerHourReader hours = new ContainerHourReader(jdbc, settings.tenant(), MeteringRange.parse(from, to),
                refresh != null, recheck != null, Math.max(1, settings.chunkSize() / 4));
        return new FlowCallReader(hours, new FlowFetcher(client, settings.apiMbPerGb(), new FlowPlausibility(settings.maxMbps())), settings.chunkSize());
    }

    @Bean
    @StepScope
    UsageWriter usageWriter(UsageStore store, MeteringProperties settings,
            @Value("#{stepExecution.jobExecutionId}") Long runId, @Value("#{jobParameters['refresh']}") String refresh) {
        return new UsageWriter(store, settings, runId, refresh != null);
    }

    @Bean
    @StepScope
    WindowCloser windowCloser(WindowStore store, MeteringProperties settings,
            @Value("#{jobParameters['from']}") String from, @Value("#{jobParameters['to']}") String to,
            @Value("#{stepExecution.jobExecutionId}") Long runId, @Value("#{jobParameters['recheck']}") String recheck,
            Clock clock) {
        return new WindowCloser(store, settings, MeteringRange.parse(from, to), runId, recheck != null, clock);
    }
}

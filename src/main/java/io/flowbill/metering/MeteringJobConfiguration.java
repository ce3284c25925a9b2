package io.flowbill.metering;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.flowbill.accounts.AccountClients;
import io.flowbill.cluster.PartitionedSteps;
import io.flowbill.containerapi.ContainerApiClient;
import io.flowbill.pricing.PriceBook;

/**
 * {@code meteringJob} of one tenant: {@code inventoryStep} (scan the fleet of each of the tenant's API accounts into
 * the inventory history),
 * {@code flowStep} (one flow call per container-hour, written as usage rows), {@code windowCloseStep} (check the
 * failure share, mark the windows metered). {@code flowStep} is partitioned ({@link FlowPartitioner}): its worker
 * step {@code flowPartitionStep} meters one range of container ids of one API account, and takes everything it needs from the job
 * parameters and its partition's context, so it can run in another process. A restart runs the scan again and
 * the partitions that are unfinished; each reads only the hours not yet written (or still pending), so a restart after an outage
 * reads exactly what the failed run could not. Identifying parameters: {@code tenant}, {@code from}, {@code to};
 * {@code refresh} for a refresh and {@code retry} for a new attempt at hours a completed run could not read,
 * {@code recheck} for a recheck of closed windows (no scan: pending traffic and containers found late; the windows
 * stay as they were closed). Each carries the time of the request and a unique id.
 */
@Configuration(proxyBeanMethods = false)
class MeteringJobConfiguration {

    static final String TENANT = "tenant";
    static final String FROM = "from";
    static final String TO = "to";
    static final String REFRESH = "refresh";
    static final String RETRY = "retry";
    static final String RECHECK = "recheck";

    @Bean
    Job meteringJob(JobRepository jobRepository, Step inventoryStep, Step flowStep, Step windowCloseStep) {
        return new JobBuilder("meteringJob", jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] { TENANT, FROM, TO },
                        new String[] { REFRESH, RETRY, RECHECK }))
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

    /**
     * The manager: splits the tenant's containers into {@code flowbill.metering.partitions} id ranges and runs a
     * {@code flowPartitionStep} for each on a thread of its own. It runs again on every restart, and starts the
     * partitions that are unfinished ({@link FlowPartitionSplitter}).
     */
    @Bean
    Step flowStep(JobRepository jobRepository, Partitioner flowPartitioner, Step flowPartitionStep,
            FlowProgress flowProgress, MeteringProperties settings, JdbcTemplate jdbc, PartitionedSteps partitionedSteps) {
        return partitionedSteps.build("flowStep", jobRepository, flowPartitioner, flowPartitionStep,
                settings.partitions(), new SimpleAsyncTaskExecutor("flow-partition-"), step -> step
                        .splitter(new FlowPartitionSplitter(jobRepository, flowPartitioner, jdbc))
                        .listener(flowProgress)
                        .listener(new PartitionFailures())
                        .allowStartIfComplete(true));
    }

    /** The worker: meters the container-hours of one partition's id range. */
    @Bean
    Step flowPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            FlowCallReader flowCallReader, UsageWriter usageWriter, FlowProgress flowProgress,
            MeteringProperties settings) {
        return new StepBuilder("flowPartitionStep", jobRepository)
                .<CompletableFuture<MeteredHour>, CompletableFuture<MeteredHour>>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(flowCallReader)
                .writer(usageWriter)
                .listener((ItemWriteListener<CompletableFuture<MeteredHour>>) flowProgress)
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
    @StepScope
    Partitioner flowPartitioner(JdbcTemplate jdbc, AccountClients clients,
            @Value("#{jobParameters['tenant']}") String tenant,
            @Value("#{jobParameters['from']}") String from, @Value("#{jobParameters['to']}") String to) {
        MeteringRange range = MeteringRange.parse(from, to);
        return new FlowPartitioner(api -> new FlowPartitioner.Containers(jdbc, tenant, api, range),
                clients.accounts().get(tenant));
    }

    @Bean
    @StepScope
    InventoryTasklet inventoryTasklet(AccountClients clients, InventoryStore store, Clock clock,
            MeteringProperties settings, @Value("#{jobParameters['tenant']}") String tenant,
            @Value("#{jobParameters['recheck']}") String recheck) {
        List<InventoryScanner> scanners = clients.accounts().get(tenant).apis().stream()
                .map(api -> new InventoryScanner(clients.of(tenant, api.name()), api.name(), store, clock,
                        settings.maxScanPasses()))
                .toList();
        return new InventoryTasklet(scanners, tenant, recheck != null);
    }

    @Bean
    @StepScope
    FlowCallReader flowCallReader(JdbcTemplate jdbc, AccountClients clients, MeteringProperties settings,
            PriceBook priceBook, StatusPolicy statuses, PartitionedSteps partitionedSteps, @Value("#{stepExecutionContext['tenant']}") String tenant,
            @Value("#{stepExecutionContext['account']}") String account,
            @Value("#{stepExecutionContext['requests-per-second']}") Integer requestsPerSecond,
            @Value("#{stepExecutionContext['max-concurrency']}") Integer maxConcurrency,
            @Value("#{stepExecutionContext['from-id']}") Long fromId, @Value("#{stepExecutionContext['to-id']}") Long toId,
            @Value("#{jobParameters['from']}") String from, @Value("#{jobParameters['to']}") String to,
            @Value("#{jobParameters['refresh']}") String refresh, @Value("#{jobParameters['recheck']}") String recheck,
            @Value("#{stepExecution.id}") Long stepExecutionId) {
        String api = account != null ? account : clients.accounts().get(tenant).apis().get(0).name();
        ContainerHourReader hours = new ContainerHourReader(jdbc, tenant, api, MeteringRange.parse(from, to),
                new ContainerHourReader.IdRange(fromId, toId), refresh != null, recheck != null,
                Math.max(1, settings.chunkSize() / 4));
        // in a worker the partition has a client of its own with its share of the account's limits; in one process
        // the partitions share the account's client, whose limits bound them together
        ContainerApiClient own = partitionedSteps.remote()
                ? clients.forPartition(tenant, api, requestsPerSecond, maxConcurrency) : null;
        return new FlowCallReader(hours, new FlowFetcher(own != null ? own : clients.of(tenant, api), settings.apiMbPerGb(),
                new FlowPlausibility(priceBook, settings.maxMbps()), statuses), settings.chunkSize(), own,
                stepExecutionId);
    }

    @Bean
    @StepScope
    UsageWriter usageWriter(UsageStore store, MeteringProperties settings,
            @Value("#{stepExecutionContext['tenant']}") String tenant,
            @Value("#{stepExecution.jobExecutionId}") Long runId, @Value("#{jobParameters['refresh']}") String refresh) {
        return new UsageWriter(store, settings, tenant, runId, refresh != null);
    }

    @Bean
    @StepScope
    WindowCloser windowCloser(WindowStore store, MeteringProperties settings,
            @Value("#{jobParameters['tenant']}") String tenant,
            @Value("#{jobParameters['from']}") String from, @Value("#{jobParameters['to']}") String to,
            @Value("#{stepExecution.jobExecutionId}") Long runId, @Value("#{jobParameters['recheck']}") String recheck,
            Clock clock) {
        return new WindowCloser(store, settings, tenant, MeteringRange.parse(from, to), runId, recheck != null, clock);
    }
}

package io.flowbill.invoicing;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.flowbill.cluster.PartitionedSteps;
import io.flowbill.metering.StatusPolicy;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.DailyRating;
import io.flowbill.pricing.PriceBook;
import io.flowbill.pricing.TenantPriceBooks;
import io.flowbill.pricing.RatedContainer;
import io.flowbill.pricing.UsageRow;

/**
 * {@code ratingJob}: {@code ratingResetStep} (forget what an unfinished run staged), {@code ratingStep} (stream the
 * day's usage through the rating rules into staged charge lines and package days, a chunk of containers at a
 * time, in partitions of containers side by side; a container whose day cannot be rated is staged as an
 * {@code unrateable_day} exception instead), {@code ratingPublishStep} (make the staged rows the day's in one
 * transaction). Identifying parameters: {@code tenant}, whose day it is (every row the job reads, stages and publishes
 * is that tenant's, priced by its plan: {@link TenantPriceBooks#of}), and {@code date}, the day in the billing zone
 * (a {@link LocalDate}); a re-rating of a rated day adds {@code rerate}, the instant it was asked for. A partition
 * needs only the job parameters and its own execution context, so it can run in another process.
 */
@Configuration(proxyBeanMethods = false)
class RatingJobConfiguration {

    static final String TENANT = "tenant";
    static final String DATE = "date";
    static final String RERATE = "rerate";

    @Bean
    Job ratingJob(JobRepository jobRepository, Step ratingResetStep, Step ratingStep, Step ratingPublishStep) {
        return new JobBuilder("ratingJob", jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] { TENANT, DATE }, new String[] { RERATE }))
                .start(ratingResetStep)
                .next(ratingStep)
                .next(ratingPublishStep)
                .build();
    }

    @Bean
    Step ratingResetStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ChargeLineStore store) {
        return new StepBuilder("ratingResetStep", jobRepository)
                .tasklet((contribution, context) -> {
                    JobParameters parameters = context.getStepContext().getStepExecution().getJobParameters();
                    store.resetStaged(parameters.getString(TENANT), parameters.getLocalDate(DATE));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /**
     * {@code ratingStep} splits the containers into ranges ({@link ContainerRanges}) and runs
     * {@code ratingPartitionStep} on each side by side: PostgreSQL sums each range's blocks on its own backend
     * while flowbill rates and stages another's. A failed partition is restarted alone. With
     * {@code flowbill.cluster.enabled} the partitions run on {@code worker} processes ({@link PartitionedSteps}).
     */
    @Bean
    Step ratingStep(JobRepository jobRepository, Step ratingPartitionStep, ContainerRanges containerRanges,
            InvoicingProperties settings, PartitionedSteps partitionedSteps) {
        SimpleAsyncTaskExecutor partitions = new SimpleAsyncTaskExecutor("rating-");
        partitions.setConcurrencyLimit(settings.partitions());
        return partitionedSteps.build("ratingStep", jobRepository, containerRanges, ratingPartitionStep,
                settings.partitions(), partitions);
    }

    /**
     * The rated tenant's containers of the day in ranges, one per partition: {@code flowbill.invoicing.partitions},
     * or one per {@code flowbill.invoicing.containers-per-partition} containers when that is more.
     */
    @Bean
    @StepScope
    ContainerRanges containerRanges(JdbcTemplate jdbc, TenantPriceBooks books, InvoicingProperties settings,
            @Value("#{jobParameters['tenant']}") String tenant, @Value("#{jobParameters['date']}") LocalDate day) {
        BillingZone zone = books.book().zone();
        return new ContainerRanges(jdbc, tenant, zone.startOf(day), zone.startOf(day.plusDays(1)),
                settings.containersPerPartition());
    }

    @Bean
    Step ratingPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RatedContainerReader ratedContainerReader, RatedContainerWriter ratedContainerWriter,
            InvoicingProperties settings) {
        return new StepBuilder("ratingPartitionStep", jobRepository)
                .<RatedContainer, RatedContainer>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(ratedContainerReader)
                .writer(ratedContainerWriter)
                .build();
    }

    @Bean
    Step ratingPublishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ChargeLineStore store) {
        return new StepBuilder("ratingPublishStep", jobRepository)
                .tasklet((contribution, context) -> {
                    StepExecution step = context.getStepContext().getStepExecution();
                    JobParameters parameters = step.getJobParameters();
                    store.publish(parameters.getString(TENANT), parameters.getLocalDate(DATE),
                            step.getJobExecutionId(), step.getJobExecution().getJobInstance().getInstanceId());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /**
     * Rates the tenant's day of usage of the partition's containers, summed into blocks ({@link UsageBlockRows}) in
     * (container, first hour) order by the cursor {@code usageBlockReader}; blocks break where the tenant's book or
     * plan changes version. The same read counts the partition's {@link DayTally}, staged for the publish under the
     * run (the job instance) and the partition's name.
     */
    @Bean
    @StepScope
    RatedContainerReader ratedContainerReader(DataSource dataSource, TenantPriceBooks books, StatusPolicy statuses,
            InvoicingProperties settings, DayTallies tallies, @Value("#{jobParameters['tenant']}") String tenant,
            @Value("#{jobParameters['date']}") LocalDate day, @Value("#{stepExecution}") StepExecution partition) {
        PriceBook priceBook = books.of(tenant).book();
        BillingZone zone = priceBook.zone();
        ContainerRange range = ContainerRange.of(partition.getExecutionContext());
        DayTally tally = new DayTally();
        JdbcCursorItemReader<UsageRow> blocks = new JdbcCursorItemReaderBuilder<UsageRow>()
                .name("usageBlockReader")
                .dataSource(dataSource)
                .sql(UsageBlockRows.byContainer(range))
                .preparedStatementSetter(UsageBlockRows.parameters(priceBook, tenant, zone.startOf(day),
                        zone.startOf(day.plusDays(1)), range, settings.workMem()))
                .connectionAutoCommit(false)
                .fetchSize(settings.chunkSize())
                .saveState(false)
                // the mapper reads the hour rows at the end itself
                .verifyCursorPosition(false)
                .rowMapper(UsageBlockRows.mapper(statuses, tally))
                .build();
        long run = partition.getJobExecution().getJobInstance().getInstanceId();
        return new RatedContainerReader(blocks, new DailyRating(books.of(tenant).book()), day, tally,
                counted -> tallies.stage(run, partition.getStepName(), tenant, day, counted));
    }

    @Bean
    @StepScope
    RatedContainerWriter ratedContainerWriter(ChargeLineStore store) {
        return new RatedContainerWriter(store);
    }
}

package io.flowbill.invoicing;

import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.flowbill.cluster.PartitionedSteps;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.DailyRating;
import io.flowbill.pricing.PriceBook;
import io.flowbill.pricing.RatedContainer;
import io.flowbill.pricing.UsageRow;

/**
 * {@code ratingJob}: {@code ratingResetStep} (forget what an unfinished run staged), {@code ratingStep} (stream the
 * day's usage through the rating rules into staged charge lines and package days, a chunk of containers at a
 * time, in partitions of containers side by side; a container whose day cannot be rated is staged as an
 * {@code unrateable_day} exception instead), {@code ratingPublishStep} (make the staged rows the day's in one
 * transaction). Identifying parameter: {@code date}, the day in the billing zone (a {@link LocalDate}); a
 * re-rating of a rated day adds {@code rerate}, the instant it was asked for.
 */
@Configuration(proxyBeanMethods = false)
class RatingJobConfiguration {

    static final String DATE = "date";
    static final String RERATE = "rerate";

    @Bean
    Job ratingJob(JobRepository jobRepository, Step ratingResetStep, Step ratingStep, Step ratingPublishStep) {
        return new JobBuilder("ratingJob", jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] { DATE }, new String[] { RERATE }))
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
                    store.resetStaged(
                            context.getStepContext().getStepExecution().getJobParameters().getLocalDate(DATE));
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

    /** The rated day's containers in ranges, one per partition. */
    @Bean
    @StepScope
    ContainerRanges containerRanges(JdbcTemplate jdbc, PriceBook priceBook,
            @Value("#{jobParameters['date']}") LocalDate day) {
        return new ContainerRanges(jdbc, priceBook.zone().startOf(day), priceBook.zone().startOf(day.plusDays(1)));
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
                    LocalDate date = context.getStepContext().getStepExecution().getJobParameters().getLocalDate(DATE);
                    store.publish(date, context.getStepContext().getStepExecution().getJobExecutionId());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    RatedContainerReader ratedContainerReader(JdbcCursorItemReader<UsageRow> usageBlockReader,
            PriceBook priceBook, @Value("#{jobParameters['date']}") LocalDate date) {
        return new RatedContainerReader(usageBlockReader, new DailyRating(priceBook), date);
    }

    /**
     * The day's usage of the partition's containers summed into blocks ({@link UsageBlockRows}), in (tenant,
     * container, first hour) order.
     */
    @Bean
    @StepScope
    JdbcCursorItemReader<UsageRow> usageBlockReader(DataSource dataSource, PriceBook priceBook,
            InvoicingProperties settings, @Value("#{jobParameters['date']}") LocalDate day,
            @Value("#{stepExecution.executionContext}") ExecutionContext partition) {
        BillingZone zone = priceBook.zone();
        ContainerRange range = ContainerRange.of(partition);
        return new JdbcCursorItemReaderBuilder<UsageRow>()
                .name("usageBlockReader")
                .dataSource(dataSource)
                .sql(UsageBlockRows.byContainer(range))
                .preparedStatementSetter(UsageBlockRows.parameters(priceBook, zone.startOf(day),
                        zone.startOf(day.plusDays(1)), range, settings.workMem()))
                .connectionAutoCommit(false)
                .fetchSize(settings.chunkSize())
                .saveState(false)
                .rowMapper(UsageBlockRows::map)
                .build();
    }

    @Bean
    @StepScope
    RatedContainerWriter ratedContainerWriter(ChargeLineStore store) {
        return new RatedContainerWriter(store);
    }
}

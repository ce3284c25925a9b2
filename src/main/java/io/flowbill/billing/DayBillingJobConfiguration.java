package io.flowbill.billing;

import java.time.LocalDate;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code dayBillingJob}, a day's billing as {@code nightly} and {@code serve} run it: {@code dayMeteringStep}
 * (meter the day's hours, {@code meteringJob}), {@code recheckStep} (pending traffic read again, containers found
 * late, changed days billed again), {@code dayRatingStep} (rate the day, {@code ratingJob}), {@code invoiceStep}
 * (refresh the invoice it lands on), {@code exportStep} (write the exports). A failed or killed run stops at a step;
 * its restart skips the steps that completed. Identifying parameters: {@code tenant}, {@code date} (a
 * {@link LocalDate}, the day in the billing zone); billing a day whose billing completed adds {@code rerun}, the
 * instant it was asked for, so it runs every step again.
 */
@Configuration(proxyBeanMethods = false)
class DayBillingJobConfiguration {

    static final String TENANT = "tenant";
    static final String DATE = "date";
    static final String RERUN = "rerun";

    /** The business key of a tenant's day's billing: {@code nightly} and {@code rate} of the day hold it. */
    static String lockKey(String tenant, LocalDate day) {
        return "billing:" + tenant + ":" + day;
    }

    @Bean
    Job dayBillingJob(JobRepository jobRepository, Step dayMeteringStep, Step recheckStep, Step dayRatingStep,
            Step invoiceStep, Step exportStep) {
        DefaultJobParametersValidator names = new DefaultJobParametersValidator(new String[] { TENANT, DATE },
                new String[] { RERUN });
        return new JobBuilder("dayBillingJob", jobRepository)
                .validator(parameters -> {
                    names.validate(parameters);
                    JobParameter<?> date = parameters.getParameter(DATE);
                    if (date.type() != LocalDate.class) {
                        throw new InvalidJobParametersException("dayBillingJob's date must be a LocalDate, not a "
                                + date.type().getSimpleName());
                    }
                })
                .start(dayMeteringStep)
                .next(recheckStep)
                .next(dayRatingStep)
                .next(invoiceStep)
                .next(exportStep)
                .build();
    }

    @Bean
    Step dayMeteringStep(JobRepository jobRepository, DaySteps steps) {
        return new CallStep("dayMeteringStep", jobRepository, steps::meter);
    }

    @Bean
    Step recheckStep(JobRepository jobRepository, DaySteps steps) {
        return new CallStep("recheckStep", jobRepository, steps::recheck);
    }

    @Bean
    Step dayRatingStep(JobRepository jobRepository, DaySteps steps) {
        return new CallStep("dayRatingStep", jobRepository, steps::rate);
    }

    @Bean
    Step invoiceStep(JobRepository jobRepository, DaySteps steps) {
        return new CallStep("invoiceStep", jobRepository, steps::invoice);
    }

    @Bean
    Step exportStep(JobRepository jobRepository, DaySteps steps) {
        return new CallStep("exportStep", jobRepository, steps::export);
    }
}

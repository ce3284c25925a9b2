package io.flowbill.billing;

import java.time.LocalDate;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A step of {@code dayBillingJob} that calls one part of billing once, outside any transaction of its own, as
 * {@code JobStep} runs a job: the part runs its own transactions, or its own job through {@code JobRunner} under
 * that job's lock. It reads the tenant and the day from the job parameters and leaves what it did in the job's execution
 * context, which the next steps and a restart read.
 */
final class CallStep extends AbstractStep {

    /** One part of a day's billing. */
    @FunctionalInterface
    interface Part {
        void run(String tenant, LocalDate day, ExecutionContext job) throws Exception;
    }

    private final Part part;

    CallStep(String name, JobRepository jobRepository, Part part) {
        super(jobRepository);
        setName(name);
        this.part = part;
    }

    @Override
    protected void doExecute(StepExecution step) throws Exception {
        part.run(step.getJobParameters().getString(DayBillingJobConfiguration.TENANT),
                step.getJobParameters().getLocalDate(DayBillingJobConfiguration.DATE),
                step.getJobExecution().getExecutionContext());
    }
}

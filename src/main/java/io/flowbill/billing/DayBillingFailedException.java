package io.flowbill.billing;

import java.time.LocalDate;

import org.springframework.batch.core.job.JobExecution;

import io.flowbill.system.JobRunFailure;
import io.flowbill.system.OneLineReason;

/** A {@code dayBillingJob} run that ended without a step's failure to show (stopped between steps). */
class DayBillingFailedException extends RuntimeException implements JobRunFailure {

    private final transient JobExecution execution;

    DayBillingFailedException(LocalDate day, JobExecution execution) {
        super("billing " + day + " (run " + execution.getId() + ") ended " + execution.getStatus() + ": "
                + execution.getAllFailureExceptions().stream().map(OneLineReason::of).findFirst()
                        .orElse(execution.getExitStatus().getExitDescription())
                + " (run the same command again to resume)");
        this.execution = execution;
    }

    @Override
    public JobExecution execution() {
        return execution;
    }
}

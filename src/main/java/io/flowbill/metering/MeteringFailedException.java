package io.flowbill.metering;

import org.springframework.batch.core.job.JobExecution;

import io.flowbill.system.JobRunFailure;
import io.flowbill.system.OneLineReason;

/** A metering run that did not complete; the message carries the first failure's reason. */
public class MeteringFailedException extends RuntimeException implements JobRunFailure {

    private final transient JobExecution execution;

    MeteringFailedException(MeteringRange range, JobExecution execution) {
        super("metering " + range.from() + " .. " + range.to() + " ended " + execution.getStatus() + ": "
                + firstFailure(execution) + " (run the same command again to resume)");
        this.execution = execution;
    }

    @Override
    public JobExecution execution() {
        return execution;
    }

    private static String firstFailure(JobExecution execution) {
        return execution.getAllFailureExceptions().stream()
                .map(OneLineReason::of)
                .findFirst()
                .orElse(execution.getExitStatus().getExitDescription());
    }
}

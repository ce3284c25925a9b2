package io.flowbill.invoicing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;

import io.flowbill.system.JobRunFailure;
import io.flowbill.system.OneLineReason;

/** A ratingJob run that did not complete; its message carries the first failure's, so one line says why. */
public class RatingFailedException extends RuntimeException implements JobRunFailure {

    private final transient JobExecution execution;

    RatingFailedException(String tenant, LocalDate date, JobExecution execution) {
        super(message(tenant, date, execution));
        this.execution = execution;
        execution.getAllFailureExceptions().forEach(this::addSuppressed);
    }

    @Override
    public JobExecution execution() {
        return execution;
    }

    private static String message(String tenant, LocalDate date, JobExecution execution) {
        List<Throwable> failures = firstTheMostSpecific(execution);
        String reason = failures.isEmpty() ? "status " + execution.getStatus() : OneLineReason.of(failures.get(0));
        return "rating " + date + " of tenant " + tenant + " (run " + execution.getId() + ") did not complete: " + reason
                + "; rate the day again once the cause is fixed";
    }

    /**
     * The failures of partitions (named {@code step:partition}) before those of the steps around them, whose
     * failure only says that a partition failed, then the job's own.
     */
    private static List<Throwable> firstTheMostSpecific(JobExecution execution) {
        List<Throwable> failures = new ArrayList<>();
        execution.getStepExecutions().stream().filter(step -> step.getStepName().contains(":"))
                .forEach(step -> failures.addAll(step.getFailureExceptions()));
        execution.getStepExecutions().stream().filter(step -> !step.getStepName().contains(":"))
                .forEach(step -> failures.addAll(step.getFailureExceptions()));
        failures.addAll(execution.getFailureExceptions());
        return failures;
    }
}

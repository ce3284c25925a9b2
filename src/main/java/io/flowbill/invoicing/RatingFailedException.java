package io.flowbill.invoicing;

import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;

/** A ratingJob run that did not complete; its message carries the first failure's, so one line says why. */
public class RatingFailedException extends RuntimeException {

    RatingFailedException(LocalDate date, JobExecution execution) {
        super(message(date, execution));
        execution.getAllFailureExceptions().forEach(this::addSuppressed);
    }

    private static String message(LocalDate date, JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        String reason = failures.isEmpty() ? "status " + execution.getStatus() : rootMessage(failures.get(0));
        return "rating " + date + " (run " + execution.getId() + ") did not complete: " + reason
                + "; rate the day again once the cause is fixed";
    }

    /** Spring Batch wraps a reader's failure ("Unable to process chunk"); the innermost message says what failed. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

package io.flowbill.system;

import org.springframework.batch.core.job.JobExecution;

/** A failure that is a job run which did not complete: {@link Diagnosis} reads its steps' failures. */
public interface JobRunFailure {

    JobExecution execution();
}

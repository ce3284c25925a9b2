package io.flowbill.metering;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * On {@code flowStep} (the manager): when a partition failed, drops the manager's own "Partition handler returned an
 * unsuccessful step", which says nothing more; the partition's failure (e.g. the database connection lost) is the
 * one the run reports and diagnoses, as when the step was not partitioned.
 */
final class PartitionFailures implements StepExecutionListener {

    @Override
    public ExitStatus afterStep(StepExecution manager) {
        boolean partitionFailed = manager.getJobExecution().getStepExecutions().stream()
                .anyMatch(step -> step.getStepName().startsWith(FlowPartitionSplitter.WORKER + ":")
                        && !step.getFailureExceptions().isEmpty());
        if (partitionFailed) {
            manager.getFailureExceptions().removeIf(failure -> failure instanceof JobExecutionException
                    && String.valueOf(failure.getMessage()).startsWith("Partition handler returned an unsuccessful step"));
        }
        return null;
    }
}

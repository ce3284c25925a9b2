package io.flowbill.serve;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The job executions running in this process (never another instance's), so that shutdown can stop exactly those:
 * {@link JobOperator#stop} marks them STOPPING and each ends STOPPED at its next chunk boundary, restartable.
 */
class RunningJobs implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);

    private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();
    private final Set<Long> asked = ConcurrentHashMap.newKeySet();

    RunningJobs(List<Job> jobs) {
        for (Job job : jobs) {
            if (job instanceof AbstractJob listenable) {
                listenable.registerJobExecutionListener(this);
            }
        }
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution);
    }

    /** Asks every execution running here, not asked before, to stop at its next chunk boundary; returns how many. */
    int stopAll(JobOperator operator) {
        int count = 0;
        for (JobExecution execution : running) {
            if (!asked.add(execution.getId())) {
                continue;
            }
            try {
                operator.stop(execution);
                count++;
                log.info("Stopping {} execution {} at its next chunk boundary; the next start resumes it",
                        execution.getJobInstance().getJobName(), execution.getId());
            }
            catch (Exception e) {
                log.warn("Could not stop {} execution {}: {}", execution.getJobInstance().getJobName(),
                        execution.getId(), e.getMessage());
            }
        }
        return count;
    }
}

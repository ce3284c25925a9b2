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
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The job executions running in this process (never another instance's), so that shutdown can stop exactly those:
 * {@link JobOperator#stop} marks them STOPPING and each ends STOPPED at its next chunk boundary, restartable.
 */
class RunningJobs implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunningJobs.class);

    private static final int STOP_ATTEMPTS = 20;
    private static final long RETRY_PAUSE_MILLIS = 50;

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
            if (stop(operator, execution)) {
                count++;
                log.info("Stopping {} execution {} at its next chunk boundary; the next start resumes it",
                        execution.getJobInstance().getJobName(), execution.getId());
            }
            else {
                asked.remove(execution.getId());
            }
        }
        return count;
    }

    /**
     * Stops one execution. The step updates its execution at every chunk; a stop that meets such an update fails on
     * the execution's version, so it is tried again with the execution as it is now.
     */
    private static boolean stop(JobOperator operator, JobExecution execution) {
        for (int attempt = 1; ; attempt++) {
            try {
                operator.stop(execution);
                return true;
            }
            catch (OptimisticLockingFailureException raced) {
                if (attempt == STOP_ATTEMPTS) {
                    log.warn("Could not stop {} execution {} after {} attempts: {}",
                            execution.getJobInstance().getJobName(), execution.getId(), attempt, raced.getMessage());
                    return false;
                }
                pause();
            }
            catch (Exception e) {
                log.warn("Could not stop {} execution {}: {}", execution.getJobInstance().getJobName(),
                        execution.getId(), e.getMessage());
                return false;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

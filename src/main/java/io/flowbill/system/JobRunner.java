package io.flowbill.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs a job for its identifying parameters at most once at a time, across processes too: a PostgreSQL
 * advisory lock keyed by job name and parameters is held for the run. Holding the lock proves that no one
 * else runs that job instance, so an execution left STARTED by a killed process is stale: it is recovered
 * (marked FAILED) and the run restarts it, resuming where it stopped.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private static final DefaultJobKeyGenerator KEYS = new DefaultJobKeyGenerator();

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final DataSource dataSource;

    JobRunner(JobOperator jobOperator, JobRepository jobRepository, DataSource dataSource) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
    }

    /** Starts (or restarts) {@code job}; throws {@link JobAlreadyRunningException} when another process runs it. */
    public JobExecution run(Job job, JobParameters parameters) throws Exception {
        String key = job.getName() + ":" + KEYS.generateKey(parameters);
        try (Connection lockConnection = dataSource.getConnection()) {
            if (!tryLock(lockConnection, key)) {
                throw new JobAlreadyRunningException(job.getName() + " for " + parameters.getIdentifyingParameters()
                        + " is running in another process; wait for it to finish");
            }
            try {
                recoverStale(job, parameters);
                return jobOperator.start(job, parameters);
            }
            finally {
                unlock(lockConnection, key);
            }
        }
    }

    /** True when the job instance of these parameters has already completed. */
    public boolean completedBefore(Job job, JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    private void recoverStale(Job job, JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.getStatus().isRunning()) {
            log.warn("{} execution {} was left {} by a process that stopped; marking it FAILED and resuming",
                    job.getName(), last.getId(), last.getStatus());
            jobOperator.recover(last);
        }
        else if (last != null && last.getStatus() == BatchStatus.STOPPED) {
            log.info("{} execution {} was stopped; resuming", job.getName(), last.getId());
        }
    }

    private static boolean tryLock(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(hashtextextended(?, 0))")) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(hashtextextended(?, 0))")) {
            statement.setString(1, key);
            statement.execute();
        }
    }
}

package io.flowbill.metering;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the partitions of {@code flowStep}. The first execution of a job instance asks the {@link FlowPartitioner};
 * a restart keeps the id ranges the first execution made (the fleet may have changed since, and two partitions must
 * never overlap) and starts only the partitions that are unfinished: those that did not complete, and those that
 * completed with hours whose traffic is still pending in their range (an outage writes its hours as pending; the
 * restart reads them again, as the unpartitioned step did). A partition that completed with nothing pending is
 * left alone.
 */
final class FlowPartitionSplitter implements StepExecutionSplitter {

    static final String WORKER = "flowPartitionStep";

    private final JobRepository jobRepository;
    private final Partitioner partitioner;
    private final JdbcTemplate jdbc;

    FlowPartitionSplitter(JobRepository jobRepository, Partitioner partitioner, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.partitioner = partitioner;
        this.jdbc = jdbc;
    }

    @Override
    public String getStepName() {
        return WORKER;
    }

    @Override
    public Set<StepExecution> split(StepExecution manager, int gridSize) {
        JobExecution job = manager.getJobExecution();
        Map<String, StepExecution> earlier = new LinkedHashMap<>();
        for (int i = 0; ; i++) {
            StepExecution last = jobRepository.getLastStepExecution(job.getJobInstance(), name("partition" + i));
            if (last == null || last.getJobExecutionId() == job.getId()) {
                break;
            }
            earlier.put("partition" + i, last);
        }
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        if (earlier.isEmpty()) {
            contexts.putAll(partitioner.partition(gridSize));
        }
        else {
            earlier.forEach((partition, last) -> {
                if (last.getStatus() != BatchStatus.COMPLETED || pending(job.getJobParameters(), last.getExecutionContext())) {
                    contexts.put(partition, last.getExecutionContext());
                }
            });
        }
        Set<StepExecution> partitions = new HashSet<>();
        contexts.forEach((partition, context) -> {
            StepExecution execution = jobRepository.createStepExecution(name(partition), job);
            execution.setExecutionContext(new ExecutionContext(context));
            jobRepository.updateExecutionContext(execution);
            partitions.add(execution);
        });
        return partitions;
    }

    private static String name(String partition) {
        return WORKER + ":" + partition;
    }

    /** Whether the partition's id range has hours of the job's range whose traffic is still pending. */
    private boolean pending(JobParameters parameters, ExecutionContext partition) {
        MeteringRange range = MeteringRange.parse(parameters.getString(MeteringJobConfiguration.FROM),
                parameters.getString(MeteringJobConfiguration.TO));
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from usage_hour where tenant_id = ? and window_start >= ? and window_start < ?
                                 and container_id >= ? and container_id < ? and traffic_pending)
                """, Boolean.class, partition.getString(FlowPartitioner.TENANT), Timestamp.from(range.from()),
                Timestamp.from(range.to()), partition.getLong(FlowPartitioner.FROM_ID),
                partition.getLong(FlowPartitioner.TO_ID)));
    }
}

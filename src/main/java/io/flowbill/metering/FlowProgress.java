package io.flowbill.metering;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.flowbill.cluster.PartitionedSteps;
import io.flowbill.system.ProgressReporter;
import io.flowbill.system.ProgressReporters;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reports the flow step's progress: at the step's start it estimates the containers and container-hours to
 * read (alive in the range, minus the hours already written unless refreshing); each written chunk advances
 * the count. The reader goes container by container, so a new container id in a chunk is a container reached.
 * It estimates on the manager step {@code flowStep} and counts what each partition of it writes in this process.
 * Every partition also keeps the containers it reached in its execution context; with the partitions on workers
 * ({@code flowbill.cluster.enabled}) the manager's line reads the job repository instead: the partitions' write
 * counts, those containers and the API calls they counted ({@link PartitionApiCalls}).
 */
@Component
class FlowProgress implements StepExecutionListener, ItemWriteListener<CompletableFuture<MeteredHour>> {

    private static final String MANAGER = "flowStep";
    private static final String PARTITION = "flowPartitionStep";
    static final String CONTAINERS = "flow.containers-reached";
    static final String LAST_CONTAINER = "flow.last-container";

    private final JdbcTemplate jdbc;
    private final ProgressReporters reporters;
    private final MeterRegistry registry;
    private final JobRepository jobRepository;
    private final PartitionedSteps partitionedSteps;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    FlowProgress(JdbcTemplate jdbc, ProgressReporters reporters, MeterRegistry registry, JobRepository jobRepository,
            PartitionedSteps partitionedSteps) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.partitionedSteps = partitionedSteps;
        this.reporters = reporters;
        this.registry = registry;
    }

    @Override
    public void beforeStep(StepExecution step) {
        if (!MANAGER.equals(step.getStepName())) {
            return;
        }
        String tenant = step.getJobParameters().getString(MeteringJobConfiguration.TENANT);
        MeteringRange range = MeteringRange.parse(step.getJobParameters().getString(MeteringJobConfiguration.FROM),
                step.getJobParameters().getString(MeteringJobConfiguration.TO));
        boolean refresh = step.getJobParameters().getString(MeteringJobConfiguration.REFRESH) != null;
        long[] pending = pending(tenant, range, refresh);
        long run = step.getJobExecutionId();
        boolean remote = partitionedSteps.remote();
        ProgressReporter reporter = reporters.start("metering " + tenant + " " + range.from() + " .. " + range.to(),
                range.windowCount(), pending[0], pending[1], () -> ApiCallCount.of(registry, tenant).calls()
                        + (remote ? PartitionApiCalls.of(partitions(run), tenant).calls() : 0));
        if (remote) {
            reporter.pollFrom(() -> done(partitions(run)));
        }
        runs.put(run, new Run(reporter));
    }

    @Override
    public void afterWrite(Chunk<? extends CompletableFuture<MeteredHour>> chunk) {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null) {
            return;
        }
        keepContainersReached(context.getStepExecution().getExecutionContext(), chunk);
        Run run = runs.get(context.getStepExecution().getJobExecutionId());
        if (run != null) {
            run.advance(context.getStepExecution().getId(), chunk);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (!MANAGER.equals(step.getStepName())) {
            return null;
        }
        Run run = runs.remove(step.getJobExecutionId());
        if (run != null) {
            run.reporter.close();
        }
        return null;
    }

    /** Counts the containers a partition reached in its context (saved with the chunk), for a manager elsewhere. */
    private static void keepContainersReached(ExecutionContext partition,
            Chunk<? extends CompletableFuture<MeteredHour>> chunk) {
        long last = partition.getLong(LAST_CONTAINER, -1L);
        long reached = partition.getLong(CONTAINERS, 0L);
        for (CompletableFuture<MeteredHour> future : chunk) {
            long id = future.join().hour().containerId();
            if (id != last) {
                reached++;
                last = id;
            }
        }
        partition.putLong(LAST_CONTAINER, last);
        partition.putLong(CONTAINERS, reached);
    }

    private List<StepExecution> partitions(long jobExecutionId) {
        return jobRepository.getJobExecution(jobExecutionId).getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(PARTITION)).toList();
    }

    private static ProgressReporter.Done done(List<StepExecution> partitions) {
        return new ProgressReporter.Done(partitions.stream().mapToLong(StepExecution::getWriteCount).sum(),
                partitions.stream().mapToLong(step -> step.getExecutionContext().getLong(CONTAINERS, 0L)).sum());
    }

    /** Containers with hours still to read in the range, and those container-hours: {containers, hours}. */
    private long[] pending(String tenant, MeteringRange range, boolean refresh) {
        Timestamp from = Timestamp.from(range.from());
        Timestamp to = Timestamp.from(range.to());
        return jdbc.queryForObject("""
                select count(*) filter (where alive.hours > coalesce(written.hours, 0)),
                       coalesce(sum(greatest(alive.hours - coalesce(written.hours, 0), 0)), 0)
                  from (select container_id,
                               ceil(extract(epoch from least(?, case when gone_at is not null then last_seen_at end)) / 3600)
                                 - floor(extract(epoch from greatest(?, created_at)) / 3600) as hours
                          from container
                         where tenant_id = ? and created_at < ? and (gone_at is null or last_seen_at > ?)) alive
                  left join (select container_id, count(*) as hours from usage_hour
                              where tenant_id = ? and window_start >= ? and window_start < ? and not ?
                              group by container_id) written using (container_id)
                """, (rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }, to, from, tenant, to, from,
                tenant, from, to, refresh);
    }

    private static final class Run {

        private final ProgressReporter reporter;
        private final Map<Long, Long> lastContainer = new HashMap<>();

        Run(ProgressReporter reporter) {
            this.reporter = reporter;
        }

        synchronized void advance(long partition, Chunk<? extends CompletableFuture<MeteredHour>> chunk) {
            long containers = 0;
            for (CompletableFuture<MeteredHour> future : chunk) {
                long id = future.join().hour().containerId();
                Long last = lastContainer.put(partition, id);
                if (last == null || last != id) {
                    containers++;
                }
            }
            reporter.advance(chunk.size(), containers);
        }
    }
}

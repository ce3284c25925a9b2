package io.flowbill.metering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import io.flowbill.accounts.Accounts;
import io.flowbill.system.JobRunner;
import io.flowbill.system.Partitions;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Meters a range of hours of one tenant's account: refuses windows that are not over, skips a range already metered
 * (unless refreshing), and otherwise runs {@code meteringJob} with that tenant. A failed run is resumed by the same
 * call. Every tenant has its own windows, summaries, runs and locks.
 */
@Service
public class MeteringService {

    private final JobRunner jobRunner;
    private final Job meteringJob;
    private final WindowStore windows;
    private final MeteringSummaries summaries;
    private final MeteringProperties settings;
    private final Accounts accounts;
    private final MeterRegistry registry;
    private final Partitions partitions;
    private final Clock clock;
    private final JobRepository jobRepository;

    MeteringService(JobRunner jobRunner, Job meteringJob, WindowStore windows, MeteringSummaries summaries,
            MeteringProperties settings, Accounts accounts, MeterRegistry registry, Partitions partitions,
            Clock clock, JobRepository jobRepository) {
        this.partitions = partitions;
        this.jobRepository = jobRepository;
        this.accounts = accounts;
        this.jobRunner = jobRunner;
        this.meteringJob = meteringJob;
        this.windows = windows;
        this.summaries = summaries;
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
    }

    /** Refuses a range whose last window is not over yet (plus the metering lag), before any account is asked. */
    public void requireOver(MeteringRange range) {
        range.requireOver(clock.instant(), settings.lag());
    }

    /**
     * Meters {@code range} for {@code tenant}'s account (refused when no account has that tenant) under the lock
     * {@code metering:<tenant>:<from>..<to>}: the accounts' runs never wait on each other.
     */
    public MeteringSummary meter(String tenant, MeteringRange range, boolean refresh) throws Exception {
        accounts.get(tenant);
        range.requireOver(clock.instant(), settings.lag());
        windows.registerTenant(tenant);
        Instant started = clock.instant();
        boolean unreadHours = windows.unavailable(tenant, range) > 0;
        if (!refresh && !unreadHours && windows.meteredWindows(tenant, range) == range.windowCount()) {
            return summaries.alreadyMetered(range);
        }
        ApiCallCount calls = ApiCallCount.of(registry, tenant);
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(MeteringJobConfiguration.TENANT, tenant, true)
                .addString(MeteringJobConfiguration.FROM, range.from().toString(), true)
                .addString(MeteringJobConfiguration.TO, range.to().toString(), true);
        JobParameters scope = parameters.toJobParameters();
        if (refresh) {
            parameters.addString(MeteringJobConfiguration.REFRESH, attempt(started), true);
        }
        else if (jobRunner.completedBefore(meteringJob, parameters.toJobParameters())) {
            // a completed run left hours whose flow could not be read: a new attempt reads just those
            parameters.addString(MeteringJobConfiguration.RETRY, attempt(started), true);
        }
        JobParameters jobParameters = parameters.toJobParameters();
        partitions.cover(range.from(), range.to());
        JobExecution execution = jobRunner.run(meteringJob, "metering:" + tenant + ":" + range.from() + ".." + range.to(), scope,
                resumable -> jobParameters);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new MeteringFailedException(range, execution);
        }
        // the calls of this process (the scan, the partitions run here) and those workers counted in their partitions
        ApiCallCount counted = calls.since(registry).plus(PartitionApiCalls.of(
                jobRepository.getJobExecution(execution.getId()).getStepExecutions(), tenant));
        return summaries.of(tenant, range, execution, counted, Duration.between(started, clock.instant()));
    }

    /** How many hours of {@code range} the tenant's metering has completed (their windows closed). */
    public long meteredHours(String tenant, MeteringRange range) {
        return windows.meteredWindows(tenant, range);
    }

    /**
     * Reads again, in the windows closed during the last {@code recheck} period, every hour whose traffic is pending,
     * and meters containers found after their windows were closed. While a round settles some pending hours and
     * leaves others, or while the API failed some of its reads (after a pause of 1 s, 2 s, ...), another round reads
     * those (at most {@value #RECHECK_ROUNDS} rounds); values the API answered but that stay unusable (malformed,
     * implausible) end the rounds once a round settles nothing. Runs nothing when there is neither. The hours it
     * settles or adds are recorded as usage changes, so the days they belong to are billed again.
     */
    public RecheckSummary recheck(String tenant) throws Exception {
        return recheck(tenant, null);
    }

    /**
     * The same, covering also {@code billed} (the day a {@code nightly} is about to bill, however old): its pending
     * hours are read again too. When the two lie further apart than a metering range may span, the day alone.
     */
    public RecheckSummary recheck(String tenant, MeteringRange billed) throws Exception {
        accounts.get(tenant);
        windows.registerTenant(tenant);
        Instant started = clock.instant();
        Optional<MeteringRange> covered = windows.recheckRange(tenant, started.minus(settings.recheck()));
        if (billed != null) {
            covered = Optional.of(covered.map(window -> spanning(window, billed)).orElse(billed));
        }
        if (covered.isEmpty()) {
            return new RecheckSummary(null, 0, 0, 0, 0);
        }
        MeteringRange range = covered.get();
        long pendingBefore = windows.pending(tenant, range);
        long late = windows.lateContainers(tenant, range);
        if (pendingBefore == 0 && late == 0) {
            return RecheckSummary.nothingDue(range, 0);
        }
        long lateHours = 0;
        long pending = pendingBefore;
        for (int round = 0; round < RECHECK_ROUNDS; round++) {
            JobExecution execution = recheckRun(tenant, range);
            if (round == 0) {
                lateHours = summaries.lateHours(tenant, range, execution.getId(), pendingBefore);
            }
            long left = windows.pending(tenant, range);
            boolean progress = left < pending;
            pending = left;
            boolean unavailable = windows.unavailable(tenant, range) > 0;
            if (pending == 0 || (!progress && !unavailable)) {
                break;
            }
            if (unavailable && round + 1 < RECHECK_ROUNDS) {
                // the API failed some reads: give it a moment (1 s, 2 s, ...) before the next round
                Thread.sleep(Duration.ofSeconds(round + 1).toMillis());
            }
        }
        return new RecheckSummary(range, pendingBefore, pending, late, lateHours);
    }

    private static MeteringRange spanning(MeteringRange window, MeteringRange billed) {
        Instant from = window.from().isBefore(billed.from()) ? window.from() : billed.from();
        Instant to = window.to().isAfter(billed.to()) ? window.to() : billed.to();
        return Duration.between(from, to).compareTo(MeteringRange.MAX_LENGTH) <= 0 ? new MeteringRange(from, to) : billed;
    }

    /** One recheck run; a round that settled some pending hours is followed by another, at most this many. */
    private static final int RECHECK_ROUNDS = 5;

    private JobExecution recheckRun(String tenant, MeteringRange range) throws Exception {
        JobParameters scope = new JobParametersBuilder()
                .addString(MeteringJobConfiguration.TENANT, tenant, true)
                .addString(MeteringJobConfiguration.FROM, range.from().toString(), true)
                .addString(MeteringJobConfiguration.TO, range.to().toString(), true)
                .toJobParameters();
        JobParameters parameters = new JobParametersBuilder(scope)
                .addString(MeteringJobConfiguration.RECHECK, attempt(clock.instant()), true)
                .toJobParameters();
        // a recheck left running by a dead process is marked FAILED; its hours are simply read by this one
        JobExecution execution = jobRunner.run(meteringJob, "recheck:" + tenant, scope,
                resumable -> parameters);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new MeteringFailedException(range, execution);
        }
        return execution;
    }

    /** Refreshes and retries are new job instances by design: their parameter names the request uniquely. */
    private static String attempt(Instant requested) {
        return requested + " " + UUID.randomUUID();
    }
}

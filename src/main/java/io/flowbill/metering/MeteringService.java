package io.flowbill.metering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Service;

import io.flowbill.system.JobRunner;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Meters a range of hours: refuses windows that are not over, skips a range already metered (unless
 * refreshing), and otherwise runs {@code meteringJob}. A failed run is resumed by the same call.
 */
@Service
public class MeteringService {

    private final JobRunner jobRunner;
    private final Job meteringJob;
    private final WindowStore windows;
    private final MeteringSummaries summaries;
    private final MeteringProperties settings;
    private final MeterRegistry registry;
    private final Clock clock;

    MeteringService(JobRunner jobRunner, Job meteringJob, WindowStore windows, MeteringSummaries summaries,
            MeteringProperties settings, MeterRegistry registry, Clock clock) {
        this.jobRunner = jobRunner;
        this.meteringJob = meteringJob;
        this.windows = windows;
        this.summaries = summaries;
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
    }

    public MeteringSummary meter(MeteringRange range, boolean refresh) throws Exception {
        range.requireOver(clock.instant(), settings.lag());
        Instant started = clock.instant();
        boolean unreadHours = windows.unavailable(settings.tenant(), range) > 0;
        if (!refresh && !unreadHours && windows.meteredWindows(settings.tenant(), range) == range.windowCount()) {
            return summaries.alreadyMetered(range);
        }
        ApiCallCount calls = ApiCallCount.of(registry);
        JobParametersBuilder parameters = new JobParametersBuilder()
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
        JobExecution execution = jobRunner.run(meteringJob, "metering:" + range.from() + ".." + range.to(), scope,
                resumable -> jobParameters);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new MeteringFailedException(range, execution);
        }
        return summaries.of(range, execution, calls.since(registry), Duration.between(started, clock.instant()));
    }

    /** Refreshes and retries are new job instances by design: their parameter names the request uniquely. */
    private static String attempt(Instant requested) {
        return requested + " " + UUID.randomUUID();
    }
}

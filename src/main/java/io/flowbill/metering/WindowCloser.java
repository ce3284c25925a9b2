package io.flowbill.metering;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Ends a metering run: if the traffic of more than {@code max-failure-share} of the range's container-hours could
 * not be read, the run fails (an API outage must not produce a silently short bill) and the same command retries
 * exactly those hours; otherwise the range's windows are marked metered.
 */
class WindowCloser implements Tasklet {

    private final WindowStore store;
    private final MeteringProperties settings;
    private final String tenant;
    private final MeteringRange range;
    private final long runId;
    private final boolean recheck;
    private final Clock clock;

    /** @param recheck a recheck leaves the windows as their metering closed them (what it could not read stays pending) */
    WindowCloser(WindowStore store, MeteringProperties settings, String tenant, MeteringRange range, long runId, boolean recheck,
            Clock clock) {
        this.clock = clock;
        this.tenant = tenant;
        this.store = store;
        this.settings = settings;
        this.range = range;
        this.runId = runId;
        this.recheck = recheck;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (recheck) {
            return RepeatStatus.FINISHED;
        }
        long all = store.usageRows(tenant, range);
        long unavailable = store.unavailable(tenant, range);
        if (all > 0) {
            BigDecimal share = BigDecimal.valueOf(unavailable).divide(BigDecimal.valueOf(all), MathContext.DECIMAL64);
            if (share.compareTo(settings.maxFailureShare()) > 0) {
                throw new IllegalStateException(unavailable + " of " + all + " container-hours between " + range.from()
                        + " and " + range.to() + " could not be read from the container API (more than the allowed share "
                        + settings.maxFailureShare() + ")");
            }
        }
        store.markMetered(tenant, range, runId, clock.instant());
        return RepeatStatus.FINISHED;
    }
}

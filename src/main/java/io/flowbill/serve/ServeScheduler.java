package io.flowbill.serve;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

import io.flowbill.accounts.Accounts;
import io.flowbill.billing.BillingService;
import io.flowbill.metering.MeteringProperties;
import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.metering.MeteringSummary;
import io.flowbill.pricing.BillingZone;
import io.flowbill.system.Causes;
import io.flowbill.system.JobAlreadyRunningException;
import io.flowbill.system.Partitions;

/**
 * The serve mode's scheduler. Each {@link #tick} reads "now" from flowbill's clock and does what is due then
 * ({@link DueWork}) for every account: meter the hours since its last metered window, bill the days since its last
 * billed one. One tenant's failure is logged and ends that tenant's part of the tick only: the others go on, and
 * the failed tenant is tried again after {@code flowbill.serve.retry-delay}.
 * A tick first takes the scheduler's database lock ({@link ServeLock}), so of several instances on one database
 * one works and the others skip; each job run also holds JobRunner's lock for its own window. A timer calls
 * {@link #tick} in production ({@link ServeLifecycle}); tests call it with a clock they move.
 */
class ServeScheduler {

    private static final Logger log = LoggerFactory.getLogger(ServeScheduler.class);

    private final Clock clock;
    private final DataSource dataSource;
    private final ScheduleState state;
    private final StoppedRuns stoppedRuns;
    private final MeteringService metering;
    private final MeteringProperties meteringSettings;
    private final BillingZone zone;
    private final BillingService billing;
    private final ServeProperties settings;
    private final Accounts accounts;
    private final Partitions partitions;
    private final Map<String, Instant> tenantRetryAfter = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private volatile boolean stopping;
    private Instant retryAfter = Instant.MIN;
    private boolean resumed;

    ServeScheduler(Clock clock, DataSource dataSource, ScheduleState state, StoppedRuns stoppedRuns,
            MeteringService metering, MeteringProperties meteringSettings, BillingZone zone, BillingService billing,
            ServeProperties settings, Accounts accounts, Partitions partitions) {
        this.accounts = accounts;
        this.partitions = partitions;
        this.clock = clock;
        this.dataSource = dataSource;
        this.state = state;
        this.stoppedRuns = stoppedRuns;
        this.metering = metering;
        this.meteringSettings = meteringSettings;
        this.zone = zone;
        this.billing = billing;
        this.settings = settings;
    }

    /** Meters and bills what is due now, unless another instance is at work or a failure's retry delay runs. */
    synchronized Tick tick() {
        if (stopping) {
            return Tick.of(Tick.Outcome.STOPPING);
        }
        Instant now = clock.instant();
        if (now.isBefore(retryAfter)) {
            return Tick.of(Tick.Outcome.WAITING_TO_RETRY);
        }
        Optional<ServeLock> lock;
        try {
            lock = ServeLock.tryAcquire(dataSource);
        }
        catch (SQLException e) {
            return failed(now, "the scheduler lock could not be taken", e);
        }
        if (lock.isEmpty()) {
            log.debug("Another flowbill serve instance holds the scheduler lock; this one skips the tick");
            return Tick.of(Tick.Outcome.LOCKED_ELSEWHERE);
        }
        try (ServeLock held = lock.get()) {
            return work(now);
        }
        catch (SQLException e) {
            log.warn("Releasing the scheduler lock failed (its session ends with the connection): {}", e.getMessage());
            return Tick.of(Tick.Outcome.FAILED);
        }
    }

    /** Starts nothing new from now on; a running job is stopped by {@link RunningJobs}. */
    void stop() {
        stopping = true;
    }

    private Tick work(Instant now) {
        List<MeteringRange> metered = new ArrayList<>();
        List<LocalDate> billed = new ArrayList<>();
        try {
            if (!resumed) {
                resumed = true;
                for (MeteringRange range : stoppedRuns.metering()) {
                    log.info("Resuming the metering of {} .. {} that a shutdown stopped", range.from(), range.to());
                    meter(meteringSettings.tenant(), range, metered);
                }
            }
        }
        catch (Exception e) {
            return stoppedOrFailed(now, e, metered, billed);
        }
        boolean failed = false;
        boolean lockedElsewhere = false;
        for (String tenant : accounts.tenants()) {
            if (now.isBefore(tenantRetryAfter.getOrDefault(tenant, Instant.MIN))) {
                continue;
            }
            try {
                work(tenant, now, metered, billed);
                tenantRetryAfter.remove(tenant);
            }
            catch (JobAlreadyRunningException elsewhere) {
                log.info("Tenant {}: {}; this instance skips it", tenant, elsewhere.getMessage());
                lockedElsewhere = true;
            }
            catch (Exception e) {
                if (stopping) {
                    return stoppedOrFailed(now, e, metered, billed);
                }
                Instant retry = now.plus(settings.retryDelay());
                tenantRetryAfter.put(tenant, retry);
                log.error("Tenant {}: a scheduled run failed: {}; the scheduler tries this tenant again from {};"
                        + " the other tenants go on", tenant, reason(e), retry);
                failed = true;
            }
        }
        if (!billed.isEmpty()) {
            partitions.analyzeAfterBilling();
        }
        boolean worked = !metered.isEmpty() || !billed.isEmpty();
        Tick.Outcome outcome = failed ? Tick.Outcome.FAILED : lockedElsewhere && !worked
                ? Tick.Outcome.LOCKED_ELSEWHERE : worked ? Tick.Outcome.WORKED : Tick.Outcome.NOTHING_DUE;
        return new Tick(outcome, metered, billed);
    }

    /** One tenant's due hours and days. */
    private void work(String tenant, Instant now, List<MeteringRange> metered, List<LocalDate> billed)
            throws Exception {
        DueWork due = DueWork.at(now, meteringSettings.lag(), zone, settings.nightly(), settings.catchUp(),
                state.lastMeteredWindow(tenant), state.lastBilledDay(tenant));
        due.leftBehind().stream().filter(gap -> reported.add(tenant + ": " + gap))
                .forEach(gap -> log.warn("Tenant {}: not caught up by serve: {}", tenant, gap));
        int meteredBefore = metered.size();
        for (MeteringRange range : due.hours()) {
            meter(tenant, range, metered);
        }
        if (metered.size() > meteredBefore && due.days().isEmpty()) {
            recheck(tenant);
        }
        for (LocalDate day : due.days()) {
            bill(tenant, day, billed);
        }
    }

    private Tick stoppedOrFailed(Instant now, Exception e, List<MeteringRange> metered, List<LocalDate> billed) {
        if (e instanceof JobAlreadyRunningException elsewhere) {
            log.info("{}; this instance skips it", elsewhere.getMessage());
            return new Tick(Tick.Outcome.LOCKED_ELSEWHERE, metered, billed);
        }
        if (stopping) {
            log.info("Stopped by shutdown: {}; the next start resumes", reason(e));
            return new Tick(Tick.Outcome.STOPPING, metered, billed);
        }
        Tick failed = failed(now, "a scheduled run failed", e);
        return new Tick(failed.outcome(), metered, billed);
    }

    private void meter(String tenant, MeteringRange range, List<MeteringRange> metered) throws Exception {
        if (stopping) {
            throw new InterruptedException("shutting down before metering " + range.from() + " .. " + range.to());
        }
        MeteringSummary summary = metering.meter(tenant, range, false);
        metered.add(range);
        if (summary.alreadyMetered()) {
            log.info("Tenant {}: metering {} .. {}: already metered", tenant, range.from(), range.to());
        }
        else {
            log.info("Tenant {}: metered {} .. {} (run {}): {} usage hours, {} exceptions, {} API calls, {} s",
                    tenant, range.from(), range.to(), summary.runId(), summary.usageRows(), summary.exceptionCount(),
                    summary.calls(), summary.elapsed().toSeconds());
        }
    }

    /** After the hourly metering: pending traffic read again, containers found late metered, changed days billed again. */
    private void recheck(String tenant) throws Exception {
        BillingService.Recheck recheck = billing.recheck(tenant, null);
        if (recheck.metering().ran() || !recheck.rebilled().isEmpty()) {
            log.info("{}", recheck.render().stripTrailing());
        }
    }

    private void bill(String tenant, LocalDate day, List<LocalDate> billed) throws Exception {
        if (stopping) {
            throw new InterruptedException("shutting down before billing " + day + " of tenant " + tenant);
        }
        log.info("{}", billing.nightly(tenant, day).render().stripTrailing());
        state.markBilled(tenant, day, clock.instant());
        billed.add(day);
    }

    private Tick failed(Instant now, String what, Exception e) {
        retryAfter = now.plus(settings.retryDelay());
        log.error("{}: {}; the scheduler tries again from {}", what, reason(e), retryAfter);
        return Tick.of(Tick.Outcome.FAILED);
    }

    /** The first message along the cause chain, else the innermost cause's type. */
    private static String reason(Throwable e) {
        return Causes.chain(e).map(Throwable::getMessage).filter(message -> message != null).findFirst()
                .orElseGet(() -> NestedExceptionUtils.getMostSpecificCause(e).getClass().getSimpleName());
    }
}

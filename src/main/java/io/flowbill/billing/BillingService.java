package io.flowbill.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Service;

import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.metering.RecheckSummary;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.JobRunner;

/**
 * The one owner of "bill a tenant's day": meter what is due, read pending traffic again and meter containers found late
 * (the recheck), bill again every rated day whose usage changed, then rate the day, refresh the invoice it lands on
 * and write the exports. {@code nightly} and {@code serve} run it as {@code dayBillingJob} through
 * {@link JobRunner} under the lock {@code billing:<tenant>:<day>}; {@code rate} and the hourly recheck call its
 * parts.
 */
@Service
public class BillingService {

    private final JobRunner jobRunner;
    private final JobRepository jobRepository;
    private final Job dayBillingJob;
    private final DayRecheck recheck;
    private final DayBilling days;
    private final MeteringService metering;
    private final BillingZone zone;
    private final Clock clock;
    private final BilledDays billedDays;

    BillingService(JobRunner jobRunner, JobRepository jobRepository, Job dayBillingJob, DayRecheck recheck,
            DayBilling days, MeteringService metering, PriceBook book, Clock clock, BilledDays billedDays) {
        this.jobRunner = jobRunner;
        this.jobRepository = jobRepository;
        this.dayBillingJob = dayBillingJob;
        this.recheck = recheck;
        this.days = days;
        this.metering = metering;
        this.zone = book.zone();
        this.clock = clock;
        this.billedDays = billedDays;
    }

    public BillingZone zone() {
        return zone;
    }

    /** The hours of a day in the billing zone. */
    public MeteringRange rangeOf(LocalDate day) {
        return DayRange.of(zone, day);
    }

    /**
     * What {@code nightly --date DAY} does for one tenant: runs {@code dayBillingJob} for the tenant's day. A run that failed or was killed
     * is resumed at the step where it stopped; a day whose billing completed is billed again from the start. A completed
     * run records the day in {@code billed_day}.
     *
     * @throws Exception the failure of the step where the run stopped
     */
    public NightlyReport nightly(String tenant, LocalDate day) throws Exception {
        Instant started = clock.instant();
        JobParameters first = new JobParametersBuilder()
                .addString(DayBillingJobConfiguration.TENANT, tenant, true)
                .addLocalDate(DayBillingJobConfiguration.DATE, day, true)
                .toJobParameters();
        JobExecution execution = jobRunner.run(dayBillingJob, DayBillingJobConfiguration.lockKey(tenant, day), first,
                resumable -> resumable != null ? resumable : firstOrRerun(first));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Exception failure = failure(day, execution);
            try {
                billedDays.failed(tenant, day, execution, failure);
            }
            catch (RuntimeException unrecorded) {
                // the run's own failure is what the caller must see (the database may be why both failed)
                failure.addSuppressed(unrecorded);
            }
            throw failure;
        }
        billedDays.record(tenant, day, clock.instant());
        ExecutionContext context = execution.getExecutionContext();
        DayReport report = days.report(DayContext.rated(context, tenant, day), DayContext.invoices(context),
                DayContext.files(context));
        return new NightlyReport(day, zone, DayContext.required(context, DayContext.METERING),
                DayContext.required(context, DayContext.RECHECK), report, Duration.between(started, clock.instant()));
    }

    /**
     * Reads pending traffic again (of the recheck period and of {@code billingNext}), meters containers found late,
     * and bills again every rated day whose usage changed (except {@code billingNext}, which the caller bills next;
     * null for none).
     */
    public Recheck recheck(String tenant, LocalDate billingNext) throws Exception {
        return recheck.recheck(tenant, billingNext);
    }

    /** Rates a day from stored usage, refreshes its invoice, writes its exports; its usage changes are then billed. */
    public DayReport bill(String tenant, LocalDate day) throws Exception {
        return days.bill(tenant, day);
    }

    /**
     * What {@code rate --date DAY} does for one tenant: under the day's billing lock ({@code billing:<tenant>:<day>},
     * which a {@code nightly} of the day holds while it meters and bills), waiting for it up to
     * {@code flowbill.jobs.lock-wait}, bills the day from stored usage ({@link #bill}), but only once every hour of
     * the day is metered: a day whose metering has not completed is refused, never published partial.
     *
     * @throws io.flowbill.system.JobAlreadyRunningException when the day is still billed elsewhere after the wait
     * @throws DayNotMeteredException when some hours of the day are not metered
     */
    public DayReport rate(String tenant, LocalDate day) throws Exception {
        return jobRunner.underLock(DayBillingJobConfiguration.lockKey(tenant, day), () -> {
            MeteringRange range = rangeOf(day);
            long metered = metering.meteredHours(tenant, range);
            if (metered < range.windowCount()) {
                throw new DayNotMeteredException(tenant, day, metered, range.windowCount());
            }
            return days.bill(tenant, day);
        });
    }

    private JobParameters firstOrRerun(JobParameters first) {
        JobExecution last = jobRepository.getLastJobExecution(dayBillingJob.getName(), first);
        if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
            return first;
        }
        // wall time names the rerun, not the billing clock: reruns under a fixed clock stay distinct
        return new JobParametersBuilder(first)
                .addString(DayBillingJobConfiguration.RERUN, Instant.now().toString(), true)
                .toJobParameters();
    }

    /** The failure of the step where the run stopped, as the caller would have met it calling that part alone. */
    private static Exception failure(LocalDate day, JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            for (Throwable failure : step.getFailureExceptions()) {
                if (failure instanceof Exception exception) {
                    return exception;
                }
            }
        }
        return new DayBillingFailedException(day, execution);
    }

    /** What a recheck read again and which days it billed again. */
    public record Recheck(RecheckSummary metering, List<DayReport> rebilled) {

        public String render() {
            StringBuilder text = new StringBuilder(metering.render());
            text.append(String.format("re-rated          %s%n", rebilled.isEmpty() ? "none"
                    : String.join(", ", rebilled.stream().map(r -> r.rated().date().toString()).toList())));
            return text.toString();
        }
    }
}

package io.flowbill.serve;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;

import io.flowbill.metrics.MetricsPublisher;

/**
 * Runs the scheduler's ticks on a timer (first tick at start: catch up after downtime) and stops gracefully:
 * no new work, running jobs asked to stop at their next chunk boundary, then waits for the tick to return, and says
 * so in one line. It stops first (highest phase), while the web server still answers health checks. The gauges read
 * from the database (last run, success and failure per job, the last billed day's figures) are read once every
 * bean is made, before any lifecycle starts (so before the web server answers its first scrape), and after every
 * tick, so a restart with nothing due still reports them.
 */
class ServeLifecycle implements SmartLifecycle, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ServeLifecycle.class);

    private final ServeScheduler scheduler;
    private final RunningJobs runningJobs;
    private final JobOperator jobOperator;
    private final ServeProperties settings;
    private final MetricsPublisher metrics;
    private volatile ScheduledExecutorService timer;
    private volatile boolean running;

    ServeLifecycle(ServeScheduler scheduler, RunningJobs runningJobs, JobOperator jobOperator, ServeProperties settings,
            MetricsPublisher metrics) {
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.runningJobs = runningJobs;
        this.jobOperator = jobOperator;
        this.settings = settings;
    }

    /** Before the web server starts: its first scrape already has every gauge read from the database. */
    @Override
    public void afterSingletonsInstantiated() {
        metrics.refreshDatabaseFigures();
    }

    @Override
    public void start() {
        running = true;
        if (!settings.autoTick()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "serve-scheduler"));
        timer.scheduleWithFixedDelay(this::tick, 0, settings.tickInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        long started = System.nanoTime();
        running = false;
        scheduler.stop();
        int asked = runningJobs.stopAll(jobOperator);
        String outcome = waitForTheTick(asked);
        log.info("flowbill serve shut down after {} ms: {}", Duration.ofNanos(System.nanoTime() - started).toMillis(),
                outcome);
    }

    /** Waits for a running tick to return; says how the scheduler ended. */
    private String waitForTheTick(int asked) {
        ScheduledExecutorService current = timer;
        if (current == null) {
            return jobs(asked);
        }
        current.shutdown();
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        try {
            // a job that started just as stopping began is asked too
            while (!current.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                asked += runningJobs.stopAll(jobOperator);
                if (System.nanoTime() > deadline) {
                    log.warn("A scheduled run did not stop within {}; a restart recovers it", settings.shutdownTimeout());
                    return "scheduler stopped, " + asked + " running job(s) asked to stop, one still running (a restart"
                            + " recovers it)";
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the scheduler";
        }
        return jobs(asked);
    }

    private static String jobs(int asked) {
        return asked == 0 ? "scheduler stopped, no running job" : "scheduler stopped, " + asked
                + " running job(s) asked to stop at their next chunk boundary (the next start resumes them)";
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void tick() {
        try {
            scheduler.tick();
        }
        catch (RuntimeException | Error e) {
            // a throwing task would end the timer for good; log and keep ticking
            log.error("Scheduler tick failed: {}", e.toString(), e);
        }
        metrics.refreshDatabaseFigures();
    }
}

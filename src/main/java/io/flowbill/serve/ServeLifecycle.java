package io.flowbill.serve;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the scheduler's ticks on a timer (first tick at start: catch up after downtime) and stops gracefully:
 * no new work, running jobs asked to stop at their next chunk boundary, then waits for the tick to return.
 * It stops first (highest phase), while the web server still answers health checks.
 */
class ServeLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServeLifecycle.class);

    private final ServeScheduler scheduler;
    private final RunningJobs runningJobs;
    private final JobOperator jobOperator;
    private final ServeProperties settings;
    private volatile ScheduledExecutorService timer;
    private volatile boolean running;

    ServeLifecycle(ServeScheduler scheduler, RunningJobs runningJobs, JobOperator jobOperator, ServeProperties settings) {
        this.scheduler = scheduler;
        this.runningJobs = runningJobs;
        this.jobOperator = jobOperator;
        this.settings = settings;
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
        running = false;
        scheduler.stop();
        runningJobs.stopAll(jobOperator);
        ScheduledExecutorService current = timer;
        if (current == null) {
            return;
        }
        current.shutdown();
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        try {
            // a job that started just as stopping began is asked too
            while (!current.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                runningJobs.stopAll(jobOperator);
                if (System.nanoTime() > deadline) {
                    log.warn("A scheduled run did not stop within {}; a restart recovers it", settings.shutdownTimeout());
                    return;
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
    }
}

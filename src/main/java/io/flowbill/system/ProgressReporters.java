package io.flowbill.system;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts {@link ProgressReporter}s with {@code flowbill.progress.*} and a timer thread each. Progress is measured in
 * wall-clock time, not by flowbill's clock: that one says which hours are over and may be a test's or a sandbox's.
 */
@Component
public class ProgressReporters {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final Clock clock = Clock.systemUTC();
    private final ProgressProperties settings;

    ProgressReporters(ProgressProperties settings) {
        this.settings = settings;
    }

    /**
     * Starts reporting a run.
     *
     * @param title      names the run in every line, e.g. {@code metering 2026-11-25T00:00:00Z .. 2026-11-26T00:00:00Z}
     * @param windows    clock hours the run covers
     * @param containers containers it expects to reach
     * @param items      container-hours it expects to write
     * @param calls      a running count of API calls (its growth gives calls per second)
     */
    public ProgressReporter start(String title, int windows, long containers, long items, LongSupplier calls) {
        boolean terminal = settings.liveLine() && System.console() != null;
        ProgressReporter reporter = new ProgressReporter(title, windows, containers, items, clock, calls,
                settings.interval(), log::info, terminal ? System.err : null);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(50, Math.min(settings.interval().toMillis() / 10, Duration.ofSeconds(1).toMillis()));
        timer.scheduleAtFixedRate(reporter::logIfDue, period, period, TimeUnit.MILLISECONDS);
        reporter.runBy(timer);
        return reporter;
    }
}

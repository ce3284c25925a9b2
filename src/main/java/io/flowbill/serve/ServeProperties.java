package io.flowbill.serve;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the {@code serve} mode ({@code flowbill.serve.*}).
 *
 * @param nightlyCron     when a day is billed: the first time this cron expression (second minute hour day month
 *                        weekday, in the billing zone) fires after the day ends, and not before the metering lag
 * @param tickInterval    how often the scheduler asks what is due (metering an hour, billing a day, catching up)
 * @param catchUp         how far back missed hours and days are caught up after downtime; older gaps are logged
 *                        and left to {@code meter} / {@code nightly --date}
 * @param retryDelay      after a failed run, how long the scheduler waits before it tries again
 * @param shutdownTimeout how long shutdown waits for a running job to stop at a chunk boundary
 * @param autoTick        whether the scheduler ticks by itself; false leaves the ticks to the caller (tests)
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.serve")
public record ServeProperties(
        @NotBlank @DefaultValue("0 30 1 * * *") String nightlyCron,
        @NotNull @DefaultValue("1m") Duration tickInterval,
        @NotNull @DefaultValue("7d") Duration catchUp,
        @NotNull @DefaultValue("5m") Duration retryDelay,
        @NotNull @DefaultValue("60s") Duration shutdownTimeout,
        @DefaultValue("true") boolean autoTick) {

    public ServeProperties {
        if (nightlyCron != null && !CronExpression.isValidExpression(nightlyCron)) {
            throw new IllegalArgumentException("flowbill.serve.nightly-cron '" + nightlyCron + "' is not a cron"
                    + " expression; write six fields like '0 30 1 * * *' (01:30 every day in the billing zone)");
        }
        if (catchUp != null && catchUp.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("flowbill.serve.catch-up must be at least 1h, not " + catchUp);
        }
        if (tickInterval != null && (tickInterval.isZero() || tickInterval.isNegative())) {
            throw new IllegalArgumentException("flowbill.serve.tick-interval must be positive, not " + tickInterval);
        }
    }

    CronExpression nightly() {
        return CronExpression.parse(nightlyCron);
    }

    /** {@code 10m}, {@code 7d}: durations as they are written in the configuration. */
    public static String readable(Duration duration) {
        if (duration.toSeconds() % 86_400 == 0 && !duration.isZero()) {
            return duration.toDays() + "d";
        }
        if (duration.toSeconds() % 3_600 == 0 && !duration.isZero()) {
            return duration.toHours() + "h";
        }
        if (duration.toSeconds() % 60 == 0 && !duration.isZero()) {
            return duration.toMinutes() + "m";
        }
        return duration.toMillis() + "ms";
    }
}

package io.flowbill.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings of {@link JobRunner} ({@code flowbill.jobs.*}).
 *
 * @param lockWait how long a run waits for another process running the same range or day to finish before it
 *                 gives up with a clear message (a cron run overlapping the previous one waits, it does not fail)
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.jobs")
public record JobLaunchProperties(@NotNull @DefaultValue("10m") Duration lockWait) {
}

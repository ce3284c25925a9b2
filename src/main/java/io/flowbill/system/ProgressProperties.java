package io.flowbill.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Progress reporting of long runs ({@code flowbill.progress.*}).
 *
 * @param interval how often a progress line is logged while a run goes on
 * @param liveLine whether a live progress line is kept on stderr when a terminal is attached
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.progress")
public record ProgressProperties(@NotNull @DefaultValue("10s") Duration interval,
        @DefaultValue("true") boolean liveLine) {

    public ProgressProperties {
        if (interval != null && (interval.isZero() || interval.isNegative())) {
            throw new IllegalArgumentException("flowbill.progress.interval must be positive, not " + interval);
        }
    }
}

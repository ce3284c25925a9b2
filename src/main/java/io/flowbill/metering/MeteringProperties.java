package io.flowbill.metering;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the metering job ({@code flowbill.metering.*}).
 *
 * @param tenant           the tenant the configured API token belongs to
 * @param lag              how long after a window's end it may be metered (the cloud settles its counters)
 * @param chunkSize        container-hours written per transaction
 * @param maxFailureShare  share of container-hours whose flow may be unavailable before the run fails
 * @param apiMbPerGb       the API's unit convention: how many MB the API means by {@code 1GB} in a flow string
 *                         (a TB is 1024 of those GB). Not the GB that prices are quoted in: that is the price
 *                         version's {@code mb-per-gb}
 * @param inferredAfter    a window is "inferred" when the attributes used for it were first seen later than this
 *                         after the window's end (a backfill from a later observation)
 * @param maxMbps          the link speed that bounds the traffic of a container-hour whose spec or hour the price
 *                         book does not price (else its spec's max-traffic-gb-per-hour, or its own bandwidth)
 *                         ({@link FlowPlausibility})
 * @param maxScanPasses    passes over the container list one scan may make before it gives up and fails
 * @param recheck          how far back every run reads pending traffic again and meters containers found late
 * @param partitions       how many container-id ranges {@code flowStep} splits a tenant's fleet into, metered at once
 *                         (they share the account's client, so its rate limit and concurrency still bound them)
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.metering")
public record MeteringProperties(
        @NotBlank @DefaultValue("default") String tenant,
        @NotNull @DefaultValue("10m") Duration lag,
        @Min(1) @DefaultValue("500") int chunkSize,
        @NotNull @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.01") BigDecimal maxFailureShare,
        @Min(1) @DefaultValue("1024") int apiMbPerGb,
        @NotNull @DefaultValue("1h") Duration inferredAfter,
        @Min(1) @Max(1_000_000) @DefaultValue("10000") int maxMbps,
        @Min(1) @Max(100) @DefaultValue("5") int maxScanPasses,
        @NotNull @DefaultValue("7d") Duration recheck,
        @Min(1) @Max(64) @DefaultValue("1") int partitions) {
}

package io.flowbill.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Settings of the monthly partitions of {@code usage_hour} and {@code charge_line} ({@code flowbill.partitions.*},
 * docs/scaling.md, "Partitioned tables and retention").
 *
 * @param aheadMonths     how many months after the current one always have their partitions
 * @param retentionMonths how many months before the current one stay attached; an older month is archived once
 *                        every tenant with rows in it has its FINAL invoice (13: a year of corrections and its
 *                        comparison month)
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.partitions")
public record PartitionsProperties(@Min(1) @Max(24) @DefaultValue("3") int aheadMonths,
        @Min(2) @DefaultValue("13") int retentionMonths) {
}

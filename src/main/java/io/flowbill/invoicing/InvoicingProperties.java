package io.flowbill.invoicing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Settings of rating and invoicing ({@code flowbill.invoicing.*}).
 *
 * @param chunkSize  containers whose rated day (charge lines, package days) {@code ratingStep} stages per transaction
 * @param partitions ranges of containers {@code ratingStep} rates side by side, each with its own database cursor
 *                   and transactions (two pooled connections per partition); more than the processor cores gains
 *                   nothing. At least this many ranges are made
 * @param containersPerPartition the most containers of a day one range holds: a tenant's day of N containers is
 *                   split into max(partitions, ceil(N / this)) ranges, run {@code partitions} at a time in one
 *                   process, or spread over the workers in cluster mode
 * @param workMem    PostgreSQL's {@code work_mem} for summing a partition's usage (set for that query alone) and a
 *                   month's charge lines into its invoice's (set for the refresh's transaction), and for sorting a
 *                   day's or month's lines into their export files (set for the export's transaction): with
 *                   enough, each sum is one hash table and each sort one in memory instead of files on disk
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.invoicing")
public record InvoicingProperties(@Min(1) @DefaultValue("1000") int chunkSize,
        @Min(1) @DefaultValue("2") int partitions,
        @Min(1) @DefaultValue("50000") int containersPerPartition,
        @Pattern(regexp = "[0-9]+(kB|MB|GB)") @DefaultValue("64MB") String workMem) {
}

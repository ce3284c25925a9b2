package io.flowbill.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's metered traffic of one day, for the report, in GB of the price version in force at the day's start
 * (quantities rounded as charge line quantities are, {@link io.flowbill.pricing.Rounding#quantity}).
 *
 * @param hours           every hour of the day in the billing zone, in order, with its traffic
 * @param outGb           outbound (up) traffic of the day
 * @param inGb            inbound (down) traffic of the day
 * @param unreadableHours container-hours whose traffic could not be read (not counted above)
 * @param mbPerGb         MB in one GB
 */
record Traffic(List<Hour> hours, BigDecimal outGb, BigDecimal inGb, long unreadableHours, BigDecimal mbPerGb) {

    Traffic {
        hours = List.copyOf(hours);
    }

    /** One hour's traffic; {@code label} is its start in the zone, e.g. {@code 05:00}. */
    record Hour(Instant start, String label, BigDecimal outGb, BigDecimal inGb) {
    }
}

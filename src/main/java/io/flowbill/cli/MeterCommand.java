package io.flowbill.cli;

import java.io.PrintWriter;

import org.springframework.stereotype.Component;

import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;

/**
 * {@code meter --from T --to T [--refresh] [--tenant T]}: meters every hour of the range for each account (or the
 * one named) and prints each run's summary ({@link TenantOutcomes}); a tenant already metered is skipped as before.
 */
@Component
class MeterCommand {

    private final MeteringService metering;
    private final TenantOutcomes outcomes;

    MeterCommand(MeteringService metering, TenantOutcomes outcomes) {
        this.metering = metering;
        this.outcomes = outcomes;
    }

    int run(MeteringRange range, boolean refresh, String tenant, PrintWriter out, PrintWriter err) throws Exception {
        outcomes.select(tenant); // an unknown tenant is refused first
        try {
            metering.requireOver(range);
        }
        catch (IllegalArgumentException notOver) {
            throw new UsageException(notOver.getMessage());
        }
        return outcomes.headed("meter", tenant, out, err,
                account -> metering.meter(account.tenant(), range, refresh).render());
    }
}

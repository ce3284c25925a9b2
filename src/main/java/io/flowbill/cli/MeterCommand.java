package io.flowbill.cli;

import java.io.PrintWriter;

import org.springframework.stereotype.Component;

import io.flowbill.metering.MeteringProperties;
import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.metering.MeteringSummary;

/** {@code meter --from T --to T [--refresh]}: meters every hour of the range and prints the run's summary. */
@Component
class MeterCommand {

    private final MeteringService metering;
    private final String tenant;

    MeterCommand(MeteringService metering, MeteringProperties settings) {
        this.metering = metering;
        this.tenant = settings.tenant();
    }

    int run(MeteringRange range, boolean refresh, PrintWriter out) throws Exception {
        MeteringSummary summary;
        try {
            summary = metering.meter(tenant, range, refresh);
        }
        catch (IllegalArgumentException notOver) {
            throw new UsageException(notOver.getMessage());
        }
        out.print(summary.render());
        out.flush();
        return FlowbillCli.EXIT_OK;
    }
}

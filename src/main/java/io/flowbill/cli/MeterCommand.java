package io.flowbill.cli;

import java.io.PrintWriter;

import org.springframework.stereotype.Component;

import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.metering.MeteringSummary;

/** {@code meter --from T --to T [--refresh]}: meters every hour of the range and prints the run's summary. */
@Component
class MeterCommand {

    private final MeteringService metering;

    MeterCommand(MeteringService metering) {
        this.metering = metering;
    }

    int run(MeteringRange range, boolean refresh, PrintWriter out) throws Exception {
        MeteringSummary summary;
        try {
            summary = metering.meter(range, refresh);
        }
        catch (IllegalArgumentException notOver) {
            throw new UsageException(notOver.getMessage());
        }
        out.print(summary.render());
        out.flush();
        return FlowbillCli.EXIT_OK;
    }
}

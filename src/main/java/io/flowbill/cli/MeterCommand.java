package io.flowbill.cli;

import org.springframework.stereotype.Component;

import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.metering.MeteringSummary;

/** {@code meter --from T --to T [--refresh]}: meters every hour of the range and prints the run's summary. */
@Component
class MeterCommand implements FlowbillCommand {

    private final MeteringService metering;

    MeterCommand(MeteringService metering) {
        this.metering = metering;
    }

    @Override
    public String name() {
        return "meter";
    }

    @Override
    public int run(CommandArgs args) throws Exception {
        MeteringRange range = range(args);
        MeteringSummary summary;
        try {
            summary = metering.meter(range, args.flag("refresh"));
        }
        catch (IllegalArgumentException notOver) {
            throw new UsageException(notOver.getMessage());
        }
        System.out.print(summary.render());
        return FlowbillCli.EXIT_OK;
    }

    static MeteringRange range(CommandArgs args) {
        try {
            return MeteringRange.parse(args.option("from").orElse(null), args.option("to").orElse(null));
        }
        catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

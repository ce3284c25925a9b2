package io.flowbill.cli;

import java.io.PrintWriter;
import java.time.YearMonth;

import io.flowbill.system.Partitions;
import picocli.CommandLine.Command;

/**
 * {@code partitions}: creates the partitions of the coming months of {@code usage_hour} and {@code charge_line},
 * archives the closed months past {@code flowbill.partitions.retention-months} and gathers the two tables' statistics
 * as a whole (docs/scaling.md, "Partitioned tables and retention"); run it monthly, after the close. Running it
 * again changes nothing; {@code meter} and {@code nightly} create what they write into themselves, and
 * {@code nightly} gathers the statistics after billing.
 */
@Command(name = "partitions", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Create the coming months' partitions of usage_hour and charge_line and archive the closed"
                + " months past the retention (detached, renamed <table>_archive_YYYYMM for the operator to dump),"
                + " analyze both tables as a whole. Run it monthly, after the close.")
final class PartitionsCommand extends ContextCommand {

    @Override
    SpringLauncher.Work work(PrintWriter out) {
        return context -> {
            Partitions partitions = context.getBean(Partitions.class);
            for (YearMonth month : partitions.ahead()) {
                out.println("created usage_hour and charge_line partitions of " + month);
            }
            partitions.retire().forEach(out::println);
            partitions.analyze();
            out.println("partitions: " + String.join(" ", partitions.monthPartitions()));
            out.flush();
            return FlowbillCli.EXIT_OK;
        };
    }
}

package io.flowbill.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.flowbill.pricing.PriceBookCheck;
import io.flowbill.system.Streams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code price-book check FILE [--plan PLAN]}: validates a price book file (and a price plan for it) and lists their
 * versions; nothing else starts.
 */
@Command(name = "price-book", mixinStandardHelpOptions = true,
        description = "Validate a price book file (and a price plan for it) and list their versions; nothing else starts.",
        subcommands = PriceBookCommand.Check.class)
final class PriceBookCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "write 'price-book check FILE', e.g. price-book check my-prices.yaml");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate the price book FILE (and the price plan PLAN for it) and list their versions.")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the price book (YAML)")
        Path file;

        @Option(names = "--plan", paramLabel = "PLAN", description = "a price plan (YAML) to check against FILE")
        Path plan;

        @Override
        public Integer call() {
            PrintStream out = Streams.printStream(spec.commandLine().getOut());
            PrintStream err = Streams.printStream(spec.commandLine().getErr());
            int exit = PriceBookCheck.run(file, plan, out, err);
            out.flush();
            err.flush();
            return exit;
        }
    }
}

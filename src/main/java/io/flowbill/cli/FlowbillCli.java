package io.flowbill.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.flowbill.bench.BenchCommand;
import io.flowbill.sandbox.SandboxOptions;
import io.flowbill.system.CommonPool;
import io.flowbill.system.OneLineReason;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs one flowbill command line and answers the process exit code: 0 done, 1 failed (one line on stderr), 2 a
 * command line that cannot run (one line naming the option and what to write instead). Output goes to the
 * writers given, so tests read it without redirecting {@code System.out}.
 */
public final class FlowbillCli {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    static final String DEFAULT_COMMAND = "nightly";

    private FlowbillCli() {
    }

    /** The process's entry point (the jar's start class): runs the command line and exits with its code. */
    public static void main(String[] args) {
        CommonPool.atLeastTwoThreads();
        System.exit(run(args));
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, SpringLauncher.Host.real());
    }

    /** Runs with these environment variables, jar folder and way to start the application (tests). */
    static int run(String[] args, PrintWriter out, PrintWriter err, SpringLauncher.Host host) {
        SpringArguments split = SpringArguments.split(args);
        CommandLine line = commandLine(split.properties(), host);
        configure(line, out, err);
        try {
            return line.execute(withDefaultCommand(split.words(), line.getCommandSpec()));
        }
        finally {
            out.flush();
            err.flush();
        }
    }

    /** The command tree, in the order {@code --help} lists it. */
    static CommandLine commandLine(List<String> springProperties, SpringLauncher.Host host) {
        return new CommandLine(new FlowbillCommandLine(new SpringLauncher(springProperties, host)))
                .addSubcommand(new BillingCommands.Nightly())
                .addSubcommand(new BillingCommands.Meter())
                .addSubcommand(new BillingCommands.Rate())
                .addSubcommand(new BillingCommands.Close())
                .addSubcommand(new BillingCommands.Fleet())
                .addSubcommand(new BillingCommands.Export())
                .addSubcommand(new PartitionsCommand())
                .addSubcommand(new PriceBookCommand())
                .addSubcommand(new BillingCommands.Serve())
                .addSubcommand(new BillingCommands.Worker())
                .addSubcommand(new WebhooksCommandLine())
                .addSubcommand(new ApiKeyCommands())
                .addSubcommand(new SandboxOptions())
                .addSubcommand(new BenchCommand(springProperties))
                .addSubcommand(new AutoComplete.GenerateCompletion())
                .addSubcommand(new CommandLine.HelpCommand());
    }

    /**
     * Sets the streams and flowbill's answers to a bad command line (exit 2) and to a failure (exit 1) on
     * {@code line} and its subcommands; public for the commands that run on their own (the sandbox).
     */
    public static CommandLine configure(CommandLine line, PrintWriter out, PrintWriter err) {
        return line.setOut(out).setErr(err)
                .setExpandAtFiles(false)
                .setOverwrittenOptionsAllowed(true)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((ex, args) -> {
                    ex.getCommandLine().getErr().println(ex.getCommandLine().getCommandSpec().qualifiedName() + ": "
                            + message(ex, List.of(args)));
                    return EXIT_USAGE;
                })
                .setExecutionExceptionHandler((ex, failed, parsed) -> {
                    failed.getErr().println(failed.getCommandSpec().qualifiedName() + " failed: "
                            + OneLineReason.of(ex));
                    return EXIT_FAILED;
                });
    }

    /** No command, or an option first that the root does not take, means {@value #DEFAULT_COMMAND}. */
    private static String[] withDefaultCommand(List<String> words, CommandSpec root) {
        List<String> line = new ArrayList<>(words);
        if (line.isEmpty() || (line.get(0).startsWith("-") && root.findOption(line.get(0)) == null)) {
            line.add(0, DEFAULT_COMMAND);
        }
        return line.toArray(String[]::new);
    }

    private static String message(ParameterException ex, List<String> args) {
        CommandSpec command = ex.getCommandLine().getCommandSpec();
        String unknown = unknownOption(command, args);
        if (ex instanceof MissingParameterException && unknown != null) {
            return unknownOption(command, unknown);
        }
        if (ex.getCause() instanceof OptionValues.BadValue bad && ex.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + " '" + ex.getValue() + "' " + bad.getMessage();
        }
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (first.startsWith("-")) {
                return unknownOption(command, first.split("=", 2)[0]);
            }
            return command.parent() == null ? "unknown command '" + first + "'; run 'java -jar flowbill.jar --help'"
                    : "unexpected argument '" + first + "' (see '" + command.qualifiedName() + " --help')";
        }
        if (ex instanceof MissingParameterException missing && missing.getMissing().stream()
                .allMatch(arg -> arg.isOption() && OptionValues.EXAMPLES.containsKey(arg.type()))) {
            return missing.getMissing().stream().map(OptionSpec.class::cast)
                    .map(option -> option.longestName() + " is required, e.g. " + option.longestName() + " "
                            + OptionValues.EXAMPLES.get(option.type()))
                    .collect(Collectors.joining("; "));
        }
        return ex.getMessage();
    }

    /** Picocli names a missing option before an unknown one; the unknown one is the likelier mistake (a typo). */
    private static String unknownOption(CommandSpec command, List<String> args) {
        int at = args.indexOf(command.name());
        return args.subList(at + 1, args.size()).stream().filter(arg -> arg.startsWith("-"))
                .map(arg -> arg.split("=", 2)[0]).filter(name -> command.findOption(name) == null)
                .findFirst().orElse(null);
    }

    private static String unknownOption(CommandSpec command, String option) {
        return "unknown option " + option + " for '" + command.name() + "'; it accepts: " + accepted(command)
                + " (see '" + command.qualifiedName() + " --help')";
    }

    private static String accepted(CommandSpec command) {
        List<String> names = command.options().stream().filter(option -> !option.usageHelp() && !option.versionHelp())
                .map(OptionSpec::longestName).toList();
        return names.isEmpty() ? "no options" : String.join(", ", names);
    }
}

package io.flowbill.sandbox;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import io.flowbill.cli.FlowbillCli;
import picocli.CommandLine;

/** Runs {@code flowbill sandbox ARGS} as the command tree does, printing to the given streams (tests only). */
final class SandboxCommandLine {

    private SandboxCommandLine() {
    }

    /** With {@code block} false the sandbox stops right after starting; answers the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean block) {
        CommandLine line = new CommandLine(new SandboxOptions(block)).setCommandName("flowbill sandbox");
        FlowbillCli.configure(line, new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8));
        return line.execute(args);
    }
}

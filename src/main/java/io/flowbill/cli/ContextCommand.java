package io.flowbill.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A subcommand that needs the application context: {@link #check} refuses a bad command line before anything
 * starts, {@link #work} runs inside the context that {@link SpringLauncher} starts.
 */
abstract class ContextCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    FlowbillCommandLine root;

    /** Refuses what the command line alone shows to be wrong; throws a {@link ParameterException}. */
    void check() {
    }

    abstract SpringLauncher.Work work(PrintWriter out);

    @Override
    public Integer call() {
        check();
        return root.launcher().run(spec.name(), spec.commandLine().getErr(), work(spec.commandLine().getOut()));
    }

    ParameterException refused(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

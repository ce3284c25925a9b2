package io.flowbill.cli;

/**
 * A command that runs inside the Spring application context (it needs the database or the API client).
 * Implementations are beans; {@link CommandCatalog} names them and their options for {@code --help}.
 */
public interface FlowbillCommand {

    /** The word typed on the command line, e.g. {@code nightly}. */
    String name();

    /** Runs the command and returns the process exit code (0 when the run completed). */
    int run(CommandArgs args) throws Exception;

    /**
     * True for a command that runs once and exits: when it ends, its metrics are pushed or written as
     * {@code flowbill.metrics.*} says. A long-running command (one that is scraped) returns false.
     */
    default boolean oneShot() {
        return true;
    }
}

package io.flowbill.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.flowbill.security.ApiRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code api-key create|list|revoke}: the HTTP API's keys (docs/security.md), kept in the database {@code serve}
 * reads ({@code --demo}: the demo's own). The work is done by {@link ApiKeyCommand}.
 */
@Command(name = "api-key", mixinStandardHelpOptions = true,
        description = "Create, list and revoke the keys of the HTTP API (/api/v1, docs/security.md).",
        subcommands = { ApiKeyCommands.Create.class, ApiKeyCommands.List.class, ApiKeyCommands.Revoke.class })
final class ApiKeyCommands implements Runnable {

    static final String NAME = "api-key";

    @Spec
    CommandSpec spec;

    @ParentCommand
    FlowbillCommandLine root;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "write 'api-key create --tenant T', 'api-key list' or"
                + " 'api-key revoke ID'");
    }

    /** A subcommand run inside the application context. */
    abstract static class KeyCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        ApiKeyCommands group;

        abstract SpringLauncher.Work work(PrintWriter out);

        @Override
        public Integer call() {
            return group.root.launcher().run(NAME, spec.commandLine().getErr(), work(spec.commandLine().getOut()));
        }
    }

    @Command(name = "create", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Create a key and print it once, alone on the last line: store it then, flowbill keeps only"
                    + " its hash.")
    static final class Create extends KeyCommand {

        @Option(names = "--tenant", required = true, paramLabel = "TENANT",
                description = "the tenant whose data the key reads (a configured account's tenant)")
        String tenant;

        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "reader",
                description = "reader: its tenant's data only (default); admin: every tenant's")
        ApiRole role;

        @Option(names = "--name", paramLabel = "NAME", description = "what the key is for, shown by 'api-key list'")
        String name;

        @Override
        SpringLauncher.Work work(PrintWriter out) {
            return context -> context.getBean(ApiKeyCommand.class).create(tenant, role, name, out);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the keys: id, tenant, role, name, created, last used, revoked (never the key).")
    static final class List extends KeyCommand {

        @Override
        SpringLauncher.Work work(PrintWriter out) {
            return context -> context.getBean(ApiKeyCommand.class).list(out);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke the key with this id: its next request is answered 401.")
    static final class Revoke extends KeyCommand {

        @Parameters(paramLabel = "ID", description = "the key's id, as 'api-key list' shows it")
        String id;

        @Override
        SpringLauncher.Work work(PrintWriter out) {
            return context -> context.getBean(ApiKeyCommand.class).revoke(id, out);
        }
    }
}

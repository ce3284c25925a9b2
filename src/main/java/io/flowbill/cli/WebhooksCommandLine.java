package io.flowbill.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code webhooks list} and {@code webhooks replay ID}: the command lines; {@link WebhooksCommand} does the work. */
@Command(name = "webhooks", mixinStandardHelpOptions = true,
        description = "List the webhook deliveries, or send one again (docs/webhooks.md).",
        subcommands = { WebhooksCommandLine.ListDeliveries.class, WebhooksCommandLine.Replay.class })
final class WebhooksCommandLine implements Runnable {

    @Spec
    CommandSpec spec;

    @ParentCommand
    FlowbillCommandLine root;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "write 'webhooks list' or 'webhooks replay ID'");
    }

    /** The statuses of a delivery. */
    enum Status {
        PENDING, DELIVERED, FAILED
    }

    /** A webhooks subcommand: runs inside the application context, like the other commands. */
    abstract static class Sub implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        WebhooksCommandLine parent;

        abstract int work(WebhooksCommand command, PrintWriter out);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return parent.root.launcher().run("webhooks " + spec.name(), spec.commandLine().getErr(),
                    context -> work(context.getBean(WebhooksCommand.class), out));
        }
    }

    @Command(name = "list", sortOptions = false, mixinStandardHelpOptions = true,
            description = "List webhook deliveries, newest first: event, tenant, type, endpoint, status, attempts,"
                    + " next attempt, last answer.")
    static final class ListDeliveries extends Sub {

        @Mixin
        TenantOption tenant;

        @Option(names = "--status", paramLabel = "STATUS", description = "only PENDING, DELIVERED or FAILED ones")
        Status status;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "at most N (default: 100)")
        int limit;

        @Override
        int work(WebhooksCommand command, PrintWriter out) {
            return command.list(tenant.name, status == null ? null : status.name(), limit, out);
        }
    }

    @Command(name = "replay", sortOptions = false, mixinStandardHelpOptions = true,
            description = "Make delivery ID due again now, with a fresh series of retries (the same event id and"
                    + " body); serve sends it within flowbill.webhooks.send-interval, or --send sends it now.")
    static final class Replay extends Sub {

        @Parameters(paramLabel = "ID", description = "the delivery's id, as 'webhooks list' shows it")
        long id;

        @Option(names = "--send", description = "send the deliveries due now before exiting")
        boolean send;

        @Override
        int work(WebhooksCommand command, PrintWriter out) {
            return command.replay(id, send, out, spec.commandLine().getErr());
        }
    }
}

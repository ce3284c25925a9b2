package io.flowbill.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flowbill}, the root of the command tree. Without a command it runs {@code nightly} ({@link FlowbillCli}
 * puts the word in); Spring properties may stand anywhere on the line and reach the commands that start Spring.
 */
@Command(name = "flowbill", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        synopsisHeading = "%nUsage: ", customSynopsis = "java -jar flowbill.jar [COMMAND] [OPTIONS]"
                + " [--spring.property=value ...]",
        description = "%nMetering and billing for a container cloud.%n", commandListHeading = "%nCommands:%n",
        footer = { "", "'flowbill COMMAND --help' shows a command's options; no command means 'nightly'.",
                "Configuration comes from environment variables (FLOWBILL_API_BASE_URL, SPRING_DATASOURCE_URL, ...),",
                "an application.yml beside the jar or in the working directory (or its config/ folder; the working",
                "directory's wins), or --flowbill.x.y=value arguments anywhere on the line;",
                "--demo runs against the built-in sandbox (flowbill.demo=true). See README.md." })
final class FlowbillCommandLine implements Runnable {

    @Spec
    CommandSpec spec;

    private final SpringLauncher launcher;

    FlowbillCommandLine(SpringLauncher launcher) {
        this.launcher = launcher;
    }

    SpringLauncher launcher() {
        return launcher;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

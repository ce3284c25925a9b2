package io.flowbill.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import io.flowbill.FlowbillApplication;
import io.flowbill.bench.Benchmark;
import io.flowbill.export.ManifestCheck;
import io.flowbill.metrics.MetricsPublisher;
import io.flowbill.pricing.PriceBookCheck;
import io.flowbill.sandbox.SandboxMain;
import io.flowbill.system.ConfigurationRefused;
import io.flowbill.system.Diagnosis;
import io.flowbill.system.OneLineReason;

/** Parses the command line and runs one flowbill command, returning the process exit code. */
public final class FlowbillCli {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    /** The environment of the command's application context, so that a failure's line names the settings involved. */
    private static final ThreadLocal<ConfigurableEnvironment> ENVIRONMENT = new ThreadLocal<>();

    private FlowbillCli() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandArgs parsed = CommandArgs.parse(args, CommandCatalog.DEFAULT_COMMAND);
        if (parsed.command().equals("help") || parsed.command().equals("-h")
                || (parsed.flag("help") && parsed.command().equals(CommandCatalog.DEFAULT_COMMAND) && args.length == 1)) {
            out.print(CommandCatalog.help());
            return EXIT_OK;
        }
        if (parsed.command().equals("sandbox")) {
            return SandboxMain.run(tail(args));
        }
        if (parsed.command().equals("bench")) {
            return Benchmark.run(tail(args), out, err);
        }
        CommandSpec spec = CommandCatalog.find(parsed.command()).orElse(null);
        if (parsed.command().equals("price-book") && !parsed.flag("help")) {
            return checkPriceBook(parsed, out, err);
        }
        if (spec == null) {
            err.println("flowbill: unknown command '" + parsed.command() + "'; run 'java -jar flowbill.jar --help'");
            return EXIT_USAGE;
        }
        if (parsed.flag("help")) {
            out.print(spec.help());
            return EXIT_OK;
        }
        try {
            spec.checkOptions(parsed);
            if (parsed.command().equals("export") && parsed.option("verify").isPresent()) {
                return ManifestCheck.run(Path.of(parsed.option("verify").get()), out, err);
            }
            return runInContext(parsed);
        }
        catch (UsageException e) {
            err.println("flowbill " + parsed.command() + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        catch (Exception e) {
            return failed(parsed, e, err);
        }
    }

    /**
     * One line on stderr: for an expected failure the component, cause and what to do ({@link Diagnosis}), without
     * a stack trace unless {@code io.flowbill} logs at DEBUG; otherwise the innermost reason and how to see more.
     */
    private static int failed(CommandArgs parsed, Exception e, PrintStream err) {
        ConfigurableEnvironment environment = ENVIRONMENT.get();
        UnaryOperator<String> setting = key -> environment == null ? null : environment.getProperty(key);
        Optional<String> diagnosed = Diagnosis.of(e, setting);
        if (debug(parsed, environment)) {
            e.printStackTrace(err);
        }
        boolean refused = false;
        for (Throwable t = e; t != null && !refused; t = t.getCause() == t ? null : t.getCause()) {
            refused = t instanceof ConfigurationRefused;
        }
        err.println("flowbill " + parsed.command() + " failed: " + diagnosed.orElseGet(() -> OneLineReason.of(e)
                + " (run with --logging.level.io.flowbill=DEBUG for the full trace)"));
        return refused ? EXIT_USAGE : EXIT_FAILED;
    }

    private static boolean debug(CommandArgs parsed, ConfigurableEnvironment environment) {
        String level = environment != null ? environment.getProperty("logging.level.io.flowbill")
                : parsed.springArgs().stream().filter(arg -> arg.startsWith("--logging.level.io.flowbill="))
                        .map(arg -> arg.substring(arg.indexOf('=') + 1)).findFirst()
                        .orElse(System.getenv("LOGGING_LEVEL_IO_FLOWBILL"));
        return level != null && (level.equalsIgnoreCase("DEBUG") || level.equalsIgnoreCase("TRACE"));
    }

    private static int runInContext(CommandArgs parsed) throws Exception {
        ENVIRONMENT.remove();
        SpringApplication application = new SpringApplicationBuilder(FlowbillApplication.class)
                .listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event ->
                        ENVIRONMENT.set(event.getEnvironment()))
                .build();
        try (ConfigurableApplicationContext context = application.run(springArgs(parsed))) {
            Map<String, FlowbillCommand> commands = context.getBeansOfType(FlowbillCommand.class);
            FlowbillCommand command = commands.values().stream()
                    .filter(candidate -> candidate.name().equals(parsed.command()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no bean implements command " + parsed.command()));
            if (!command.oneShot()) {
                return command.run(parsed);
            }
            long started = System.nanoTime();
            boolean completed = false;
            try {
                int exit = command.run(parsed);
                completed = exit == EXIT_OK;
                return exit;
            }
            finally {
                context.getBean(MetricsPublisher.class).commandEnded(command.name(), completed,
                        Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    /** The Spring arguments; {@code serve} alone runs a web server (application.yml says none for the one-shots). */
    static String[] springArgs(CommandArgs parsed) {
        List<String> springArgs = new ArrayList<>(parsed.springArgs());
        boolean typeGiven = springArgs.stream().anyMatch(arg -> arg.startsWith("--spring.main.web-application-type"));
        if (parsed.command().equals("serve") && !typeGiven) {
            springArgs.add("--spring.main.web-application-type=servlet");
        }
        return springArgs.toArray(String[]::new);
    }

    private static int checkPriceBook(CommandArgs parsed, PrintStream out, PrintStream err) {
        if (parsed.positionals().size() != 2 || !parsed.positionals().get(0).equals("check")) {
            err.println("flowbill price-book: usage: price-book check FILE");
            return EXIT_USAGE;
        }
        return PriceBookCheck.run(Path.of(parsed.positionals().get(1)), out, err);
    }

    private static String[] tail(String[] args) {
        int at = Math.max(Arrays.asList(args).indexOf("sandbox"), Arrays.asList(args).indexOf("bench"));
        return Arrays.copyOfRange(args, at + 1, args.length);
    }
}

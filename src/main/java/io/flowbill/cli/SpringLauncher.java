package io.flowbill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import io.flowbill.FlowbillApplication;
import io.flowbill.cluster.ClusterProperties;
import io.flowbill.metrics.MetricsPublisher;
import io.flowbill.system.Causes;
import io.flowbill.system.ConfigurationRefused;
import io.flowbill.system.Diagnosis;
import io.flowbill.system.OneLineReason;

/**
 * The one way a command starts the application context: {@code serve} alone runs a web server ({@code worker} serves
 * its management port alone, {@link WorkerSettings}); it and {@code worker} run until stopped, the others are one-shots whose metrics are pushed or written when they end. Spring properties from the command line
 * ({@code --flowbill.*}, {@code --spring.*}, ...) pass through. The settings are checked first, before anything
 * starts ({@link ConfigurationCheck}); a demo with its own database says so before Spring starts ({@link DemoDatabase}).
 * Answers the exit code: 0 done, 1 failed (one line on stderr), 2 a command line or configuration that cannot run.
 */
final class SpringLauncher {

    static final String SERVE = "serve";
    static final String WORKER = "worker";

    /** What a command does once the context runs; answers the exit code. */
    @FunctionalInterface
    interface Work {
        int run(ConfigurableApplicationContext context) throws Exception;
    }

    /** Starts the application (tests start none and see that nothing was started). */
    @FunctionalInterface
    interface Starter {
        ConfigurableApplicationContext start(SpringApplication application, String[] args);
    }

    /**
     * What a run reads around it: the environment variables, the folder of the jar (for its application.yml) and
     * how the application is started.
     */
    record Host(Map<String, String> variables, Optional<Path> jarFolder, Starter starter) {

        static Host real() {
            return new Host(System.getenv(), SpringSettings.jarFolder(), SpringApplication::run);
        }
    }

    private final List<String> properties;
    private final Host host;
    private ConfigurableEnvironment settings;

    SpringLauncher(List<String> properties, Host host) {
        this.properties = List.copyOf(properties);
        this.host = host;
    }

    List<String> properties() {
        return properties;
    }

    /**
     * The settings the application would read ({@link SpringSettings}), read once; empty when they cannot be read
     * (a malformed application.yml, an import not found): the application's start then says why.
     */
    Optional<ConfigurableEnvironment> settings() {
        if (settings == null) {
            try {
                settings = SpringSettings.read(properties, host.variables(), host.jarFolder());
            }
            catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        }
        return Optional.of(settings);
    }

    int run(String command, PrintWriter err, Work work) {
        Optional<String> wrong = settings().flatMap(ConfigurationCheck::problem);
        if (wrong.isPresent()) {
            err.println("flowbill " + command + " failed: configuration: " + wrong.get());
            return FlowbillCli.EXIT_USAGE;
        }
        settings().flatMap(DemoDatabase::startingLine).ifPresent(err::println);
        err.flush();
        ConfigurableEnvironment[] environment = new ConfigurableEnvironment[1];
        Map<String, Object> defaults = new HashMap<>(SpringSettings.defaults(host.jarFolder()));
        if (command.equals(WORKER)) {
            defaults.putAll(WorkerSettings.defaults());
        }
        SpringApplication application = new SpringApplicationBuilder(FlowbillApplication.class)
                .web(command.equals(SERVE) ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .properties(defaults)
                .listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event ->
                        environment[0] = event.getEnvironment())
                .build();
        try (ConfigurableApplicationContext context = host.starter().start(application,
                arguments(command, properties))) {
            return command.equals(SERVE) || command.equals(WORKER) ? work.run(context) : oneShot(command, context, work);
        }
        catch (UsageException e) {
            err.println("flowbill " + command + ": " + e.getMessage());
            return FlowbillCli.EXIT_USAGE;
        }
        catch (Exception e) {
            return failed(command, e, environment[0], err);
        }
    }

    private static int oneShot(String command, ConfigurableApplicationContext context, Work work) throws Exception {
        long started = System.nanoTime();
        boolean completed = false;
        try {
            int exit = work.run(context);
            completed = exit == FlowbillCli.EXIT_OK;
            return exit;
        }
        finally {
            context.getBean(MetricsPublisher.class).commandEnded(command, completed,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The Spring arguments: the properties as given; a web type given on the command line outranks the one
     * {@link #run} sets, so it is passed through too.
     */
    static String[] arguments(String command, List<String> properties) {
        List<String> args = new ArrayList<>(properties);
        boolean typeGiven = args.stream().anyMatch(arg -> arg.startsWith("--spring.main.web-application-type"));
        if (command.equals(SERVE) && !typeGiven) {
            args.add("--spring.main.web-application-type=servlet");
        }
        if (command.equals(WORKER)) {
            args.add("--" + ClusterProperties.WORKER + "=true");
        }
        return args.toArray(String[]::new);
    }

    /**
     * One line on stderr: for an expected failure the component, cause and what to do ({@link Diagnosis}), without
     * a stack trace unless {@code io.flowbill} logs at DEBUG; otherwise the innermost reason and how to see more.
     */
    private int failed(String command, Exception e, ConfigurableEnvironment environment, PrintWriter err) {
        UnaryOperator<String> setting = key -> environment != null ? environment.getProperty(key)
                : settings().map(read -> read.getProperty(key)).orElse(null);
        Optional<String> diagnosed = Diagnosis.of(e, setting);
        if (debug(environment)) {
            e.printStackTrace(err);
        }
        boolean refused = Causes.find(e, ConfigurationRefused.class).isPresent();
        err.println("flowbill " + command + " failed: " + diagnosed.orElseGet(() -> OneLineReason.of(e)
                + " (run with --logging.level.io.flowbill=DEBUG for the full trace)"));
        return refused ? FlowbillCli.EXIT_USAGE : FlowbillCli.EXIT_FAILED;
    }

    private boolean debug(ConfigurableEnvironment environment) {
        String level = environment != null ? environment.getProperty("logging.level.io.flowbill")
                : settings().map(read -> read.getProperty("logging.level.io.flowbill")).orElse(null);
        return level != null && (level.equalsIgnoreCase("DEBUG") || level.equalsIgnoreCase("TRACE"));
    }
}

package io.flowbill.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed command line: the command, its {@code --option value} pairs, its positional words, and the
 * Spring property overrides ({@code --flowbill.api.base-url=...}) that go to the application context. {@code --demo}
 * (never followed by a value) is {@code --flowbill.demo=true}.
 */
public record CommandArgs(String command, Map<String, String> options, List<String> positionals,
        List<String> springArgs) {

    public CommandArgs {
        options = Map.copyOf(options);
        positionals = List.copyOf(positionals);
        springArgs = List.copyOf(springArgs);
    }

    /** Parses {@code args}; the first word that is not an option is the command ({@code defaultCommand} if none). */
    public static CommandArgs parse(String[] args, String defaultCommand) {
        String command = null;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.length() > 2) {
                String body = arg.substring(2);
                int eq = body.indexOf('=');
                String name = eq < 0 ? body : body.substring(0, eq);
                if (name.equals("demo")) {
                    springArgs.add("--flowbill.demo=" + (eq < 0 ? "true" : body.substring(eq + 1)));
                    continue;
                }
                if (name.contains(".")) {
                    springArgs.add(arg);
                    continue;
                }
                String value;
                if (eq >= 0) {
                    value = body.substring(eq + 1);
                }
                else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                }
                else {
                    value = "true";
                }
                options.put(name, value);
            }
            else if (command == null) {
                command = arg;
            }
            else {
                positionals.add(arg);
            }
        }
        return new CommandArgs(command == null ? defaultCommand : command, options, positionals, springArgs);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        return "true".equalsIgnoreCase(options.get(name));
    }
}

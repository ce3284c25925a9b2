package io.flowbill.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one command accepts, for {@code --help} and for refusing unknown options before anything starts.
 *
 * @param name        the command word
 * @param synopsis    its usage line
 * @param description one sentence on what it does
 * @param options     option name to its description
 * @param argumentCheck refuses bad option values before anything starts (throws {@link UsageException})
 */
public record CommandSpec(String name, String synopsis, String description, Map<String, String> options,
        Consumer<CommandArgs> argumentCheck) {

    public CommandSpec {
        options = new LinkedHashMap<>(options);
    }

    public CommandSpec(String name, String synopsis, String description, Map<String, String> options) {
        this(name, synopsis, description, options, args -> { });
    }

    /** Throws a {@link UsageException} naming the first option this command does not know. */
    void checkOptions(CommandArgs args) {
        Set<String> known = options.keySet();
        for (String given : args.options().keySet()) {
            if (!known.contains(given) && !given.equals("help")) {
                throw new UsageException("unknown option --" + given + " for '" + name + "'; it accepts: "
                        + (known.isEmpty() ? "no options" : "--" + String.join(", --", known))
                        + " (see 'flowbill " + name + " --help')");
            }
        }
        argumentCheck.accept(args);
    }

    String help() {
        StringBuilder text = new StringBuilder("usage: java -jar flowbill.jar ").append(synopsis).append("\n  ")
                .append(description).append('\n');
        options.forEach((option, what) -> text.append(String.format("  --%-14s %s%n", option, what)));
        return text.toString();
    }
}

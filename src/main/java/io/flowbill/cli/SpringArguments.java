package io.flowbill.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split in two: the words picocli parses (the command and its options) and the Spring properties
 * ({@code --flowbill.api.base-url=...}, {@code --spring.datasource.url=...}, {@code --logging.level.x=DEBUG}) that
 * may stand anywhere on it and go to the application context. {@code --demo} (never followed by a value) is
 * {@code --flowbill.demo=true}.
 */
record SpringArguments(List<String> words, List<String> properties) {

    SpringArguments {
        words = List.copyOf(words);
        properties = List.copyOf(properties);
    }

    static SpringArguments split(String[] args) {
        List<String> words = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        for (String arg : args) {
            String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : "";
            if (name.equals("demo")) {
                properties.add("--flowbill.demo=" + (arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "true"));
            }
            else if (name.contains(".")) {
                properties.add(arg);
            }
            else {
                words.add(arg);
            }
        }
        return new SpringArguments(words, properties);
    }
}

package io.flowbill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one property from a Spring Boot config tree ({@code configtree:DIR/}: a file per property). */
final class ConfigTree {

    private static final String PREFIX = "configtree:";

    private ConfigTree() {
    }

    /** The trimmed content of {@code DIR/property} when {@code configImport} names a config tree, else null. */
    static String read(String configImport, String property) {
        if (configImport == null) {
            return null;
        }
        for (String location : configImport.split(",")) {
            String trimmed = location.trim().replace("optional:", "");
            if (trimmed.startsWith(PREFIX)) {
                Path file = Path.of(trimmed.substring(PREFIX.length())).resolve(property);
                try {
                    return Files.isRegularFile(file) ? Files.readString(file).trim() : null;
                }
                catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
                }
            }
        }
        return null;
    }
}

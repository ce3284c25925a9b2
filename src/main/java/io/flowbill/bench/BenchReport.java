package io.flowbill.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Prints the figures as a table and writes them as JSON. */
final class BenchReport {

    private BenchReport() {
    }

    static void print(Map<String, Object> results, PrintStream out) {
        out.println();
        out.printf("%-36s %18s%n", "figure", "value");
        results.forEach((name, value) -> out.printf("%-36s %18s%n", name, value));
    }

    static Path write(Map<String, Object> results, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(results));
        return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

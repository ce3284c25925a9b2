package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations are forward-only: once committed, a file in {@code sql/} never changes and never goes away, since a
 * database that already ran it would never run the new text. {@code src/test/resources/migrations.sha256} (the
 * format of {@code sha256sum}) records each file's SHA-256 and only grows.
 */
class MigrationsAreForwardOnlyTest {

    static final Path SQL = Path.of("sql");
    static final Path LIST = Path.of("src/test/resources/migrations.sha256");

    @TempDir
    Path temp;

    @Test
    void everyMigrationIsListedWithTheChecksumItWasCommittedWith() {
        assertThat(problems(SQL, LIST)).as("migrations in %s against %s", SQL.toAbsolutePath(), LIST).isEmpty();
    }

    @Test
    void namesAListedMigrationWhoseBytesChanged() throws IOException {
        Path sql = migrations("V1__a.sql", "create table a (id int);\n");
        Path list = listOf(sql);
        Files.writeString(sql.resolve("V1__a.sql"), "create table a (id bigint);\n");

        assertThat(problems(sql, list)).singleElement().asString()
                .startsWith(sql.resolve("V1__a.sql") + " changed after it was committed")
                .contains("migrations are forward-only: put the change in a new V");
    }

    @Test
    void printsTheLineToAppendForAMigrationThatIsNotListed() throws IOException {
        Path sql = migrations("V1__a.sql", "create table a (id int);\n");
        Path list = listOf(sql);
        Files.writeString(sql.resolve("V2__b.sql"), "create table b (id int);\n");

        assertThat(problems(sql, list)).containsExactly(sql.resolve("V2__b.sql") + " is not in " + list
                + ": append this line to it: " + sha256("create table b (id int);\n") + "  V2__b.sql");
    }

    @Test
    void failsWhenAListedMigrationIsDeleted() throws IOException {
        Path sql = migrations("V1__a.sql", "create table a (id int);\n");
        Path list = listOf(sql);
        Files.delete(sql.resolve("V1__a.sql"));

        assertThat(problems(sql, list)).singleElement().asString()
                .startsWith(sql.resolve("V1__a.sql") + " is listed in " + list + " but was deleted")
                .contains("migrations are forward-only");
    }

    /** What breaks the rule, one line each, saying what to do. */
    static List<String> problems(Path sqlDir, Path list) {
        Map<String, String> listed = listed(list);
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> files = Files.list(sqlDir)) {
            files.filter(Files::isRegularFile).forEach(file -> present.put(file.getFileName().toString(), sha256(file)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        listed.forEach((name, sha256) -> {
            String now = present.get(name);
            if (now == null) {
                problems.add(sqlDir.resolve(name) + " is listed in " + list + " but was deleted: migrations are"
                        + " forward-only, restore it as committed");
            }
            else if (!now.equals(sha256)) {
                problems.add(sqlDir.resolve(name) + " changed after it was committed (sha256 " + now + ", " + list
                        + " says " + sha256 + "): migrations are forward-only: put the change in a new"
                        + " V<yyyyMMddHHmm>__<what>.sql and restore this file as committed");
            }
        });
        present.forEach((name, sha256) -> {
            if (!listed.containsKey(name)) {
                problems.add(sqlDir.resolve(name) + " is not in " + list + ": append this line to it: " + sha256 + "  "
                        + name);
            }
        });
        return problems;
    }

    private static Map<String, String> listed(Path list) {
        Map<String, String> listed = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("  ", 2);
                assertThat(parts).as("line '%s' of %s: '<sha256>  <file name>'", line, list).hasSize(2);
                assertThat(listed.put(parts[1], parts[0])).as("%s listed twice in %s", parts[1], list).isNull();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return listed;
    }

    private Path migrations(String name, String text) throws IOException {
        Path sql = Files.createDirectories(temp.resolve("sql"));
        Files.writeString(sql.resolve(name), text);
        return sql;
    }

    private Path listOf(Path sql) throws IOException {
        StringBuilder lines = new StringBuilder("# a comment\n");
        try (Stream<Path> files = Files.list(sql)) {
            files.sorted().forEach(file -> lines.append(sha256(file)).append("  ").append(file.getFileName()).append('\n'));
        }
        return Files.writeString(temp.resolve("migrations.sha256"), lines);
    }

    private static String sha256(Path file) {
        try {
            return hex(Files.readAllBytes(file));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

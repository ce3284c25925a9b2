package io.flowbill.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a run's figures depend on besides the code's speed, written at the head of {@code results.json}: the git
 * commit of the checkout the jar lies in ({@code git rev-parse HEAD} in the jar's folder, else in the working
 * directory; "unknown" outside a checkout), whether that checkout had uncommitted changes, when the jar was built
 * (its file's time: a jar older than the commit was built from older code), the machine's cores, the JVM, its
 * {@code -Xmx} and the PostgreSQL server's version ({@code show server_version}).
 */
record RunInfo(String gitCommit, Boolean gitDirty, String jarBuiltAt, int cores, String java, String xmx,
        long maxHeapMb, String postgresqlVersion) {

    static RunInfo of(String postgresqlVersion) {
        String classPath = System.getProperty("java.class.path", "");
        Path jar = classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)
                ? Path.of(classPath).toAbsolutePath() : null;
        Path folder = jar == null ? Path.of("").toAbsolutePath() : jar.getParent();
        String commit = git(folder, "rev-parse", "HEAD");
        String changes = commit == null ? null : git(folder, "status", "--porcelain", "--untracked-files=no");
        String xmx = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-Xmx")).reduce((first, last) -> last).orElse("not set");
        return new RunInfo(commit == null ? "unknown" : commit, changes == null ? null : !changes.isEmpty(),
                builtAt(jar),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"), xmx, Runtime.getRuntime().maxMemory() >> 20,
                postgresqlVersion);
    }

    static String serverVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("git_commit", gitCommit);
        map.put("git_dirty", gitDirty);
        map.put("jar_built_at", jarBuiltAt);
        map.put("cores", cores);
        map.put("java", java);
        map.put("xmx", xmx);
        map.put("max_heap_mb", maxHeapMb);
        map.put("postgresql_version", postgresqlVersion);
        return map;
    }

    private static String builtAt(Path jar) {
        try {
            return jar == null ? null : Files.getLastModifiedTime(jar).toInstant().toString();
        }
        catch (IOException e) {
            return null;
        }
    }

    /** The trimmed output of a git command run in {@code folder}, or null when git is missing or fails. */
    private static String git(Path folder, String... arguments) {
        try {
            Process process = new ProcessBuilder(concat(arguments)).directory(folder.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : null;
        }
        catch (IOException e) {
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static List<String> concat(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        return command;
    }
}

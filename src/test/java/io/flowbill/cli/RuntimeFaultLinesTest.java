package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault while a command runs ends with one line naming the component, the database or path, and the next step
 * (exit 1); the settings come from the command line when the application did not get to read them.
 */
class RuntimeFaultLinesTest {

    private static final String DATABASE = "jdbc:postgresql://db.example:5432/flowbill";

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void aConnectionEndedByTheServerNamesTheDatabaseAndSaysWhatToDo() {
        RuntimeException ended = new IllegalStateException("could not write usage_hour", new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01"));

        int exit = runFailingWith(ended, "--spring.datasource.url=" + DATABASE + "?password=hunter2");

        assertThat(err.toString()).isEqualTo("flowbill fleet failed: database: the connection to " + DATABASE
                + "?password=*** was lost (FATAL: terminating connection due to administrator command); PostgreSQL"
                + " ended it (a restart, or an administrator ended the session): check that it is up, then run the"
                + " same command again to resume" + System.lineSeparator());
        assertThat(exit).isEqualTo(FlowbillCli.EXIT_FAILED);
    }

    @Test
    void aFullDatabaseDiskNamesTheDatabase() {
        RuntimeException full = new IllegalStateException("insert failed", new SQLException(
                "ERROR: could not extend file \"base/16384/16402\": No space left on device", "53100"));

        int exit = runFailingWith(full, "--spring.datasource.url=" + DATABASE);

        assertThat(err.toString()).isEqualTo("flowbill fleet failed: database: " + DATABASE + " is out of disk space"
                + " (ERROR: could not extend file \"base/16384/16402\": No space left on device); free space on its"
                + " disk, then run the same command again to resume" + System.lineSeparator());
        assertThat(exit).isEqualTo(FlowbillCli.EXIT_FAILED);
    }

    @Test
    void aFullExportDiskNamesTheFileAndTheSetting() {
        Path file = dir.resolve("out/acme/2026-11/charges-2026-11-25.csv");
        RuntimeException full = new UncheckedIOException("writing " + file + " failed",
                new FileSystemException(file.toString(), null, "No space left on device"));

        int exit = runFailingWith(full, "--spring.datasource.url=" + DATABASE, "--flowbill.export.dir=" + dir.resolve("out"));

        assertThat(err.toString()).isEqualTo("flowbill fleet failed: export: cannot write " + file + " (No space left"
                + " on device); free space on that disk or set flowbill.export.dir (" + dir.resolve("out") + ") to a"
                + " folder on another, then run the same command again to resume" + System.lineSeparator());
        assertThat(exit).isEqualTo(FlowbillCli.EXIT_FAILED);
    }

    private int runFailingWith(RuntimeException fault, String... settings) {
        String[] args = new String[settings.length + 3];
        args[0] = "fleet";
        args[1] = "--flowbill.api.base-url=http://127.0.0.1:1";
        args[2] = "--flowbill.api.token=t";
        System.arraycopy(settings, 0, args, 3, settings.length);
        SpringLauncher.Host host = new SpringLauncher.Host(Map.of(), Optional.empty(), (application, arguments) -> {
            throw fault;
        });
        return FlowbillCli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err), host);
    }
}

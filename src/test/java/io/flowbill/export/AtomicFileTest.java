package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.flowbill.system.Diagnosis;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskNamesTheFileBeingWrittenAndLeavesNoTemporary() throws IOException {
        Path target = dir.resolve("acme/2026-11/charges-2026-11-25.csv");

        UncheckedIOException failed = catchThrowableOfType(UncheckedIOException.class, () -> AtomicFile.write(target,
                out -> {
                    out.write(1);
                    throw new IOException("No space left on device");
                }));

        assertThat(Diagnosis.of(failed, Map.of("flowbill.export.dir", dir.toString())::get)).contains("export: cannot"
                + " write " + target + " (No space left on device); free space on that disk or set flowbill.export.dir"
                + " (" + dir + ") to a folder on another, then run the same command again to resume");
        try (var left = Files.list(target.getParent())) {
            assertThat(left).as("files left in %s", target.getParent()).isEmpty();
        }
    }
}

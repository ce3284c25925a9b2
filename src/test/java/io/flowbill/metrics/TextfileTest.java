package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextfileTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("collector/flowbill.prom");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "flowbill_old 1\n".repeat(1000));

        boolean written = Textfile.write(target, "flowbill_new 2\n".getBytes(StandardCharsets.UTF_8));

        assertThat(written).isTrue();
        assertThat(target).hasContent("flowbill_new 2");
        assertThat(target.getParent()).isDirectoryContaining(path -> path.equals(target))
                .isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedNotThrown() throws Exception {
        Path target = dir.resolve("flowbill.prom");
        Files.createDirectories(target.resolve("not-empty"));

        assertThat(Textfile.write(target, new byte[] { 'x' })).isFalse();
        assertThat(dir).isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".tmp"));
    }
}

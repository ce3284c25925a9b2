package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path dir;

    @Test
    void writesRfc4180InUtf8WithAHeaderRow() throws IOException {
        Path file = dir.resolve("a/b/charges.csv");

        CsvFile.write(file, List.of("id", "name"), sink -> {
            sink.row("1", "web,api");
            sink.row("2", "say \"hello\"");
            sink.row("3", "测试容器");
        });

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "id,name\r\n1,\"web,api\"\r\n2,\"say \"\"hello\"\"\"\r\n3,测试容器\r\n");
    }

    @Test
    void keepsThePreviousFileAndNoTemporaryOneWhenWritingFails() throws IOException {
        Path file = dir.resolve("invoice.csv");
        CsvFile.write(file, List.of("id"), sink -> sink.row("old"));

        assertThatThrownBy(() -> CsvFile.write(file, List.of("id"), sink -> {
            sink.row("new");
            throw new IllegalStateException("database went away");
        })).hasMessageContaining("database went away");

        assertThat(Files.readString(file)).as("the file a reader sees").isEqualTo("id\r\nold\r\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("files in %s", dir)
                    .containsExactly("invoice.csv");
        }
    }
}

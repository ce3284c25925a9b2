package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path dir;

    @Test
    void writesRfc4180InUtf8WithAHeaderRow() throws IOException {
        Path file = dir.resolve("a/b/charges.csv");

        CsvFile.write(file, List.of("id", "name"), false, sink -> {
            sink.row("1", "web,api");
            sink.row("2", "say \"hello\"");
            sink.row("3", "测试容器");
        });

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "id,name\r\n1,\"web,api\"\r\n2,\"say \"\"hello\"\"\"\r\n3,测试容器\r\n");
    }

    @Test
    void startsWithAByteOrderMarkForExcelWhenAskedAndReportsTheFilesSha256() throws Exception {
        Path file = dir.resolve("charges.csv");

        AtomicFile.Written written = CsvFile.write(file, List.of("name"), true, sink -> sink.row("测试容器"));

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo("name\r\n测试容器\r\n");
        assertThat(written.bytes()).as("size of %s", file).isEqualTo(bytes.length);
        assertThat(written.sha256()).as("sha256 of %s", file)
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void keepsThePreviousFileAndNoTemporaryOneWhenWritingFails() throws IOException {
        Path file = dir.resolve("invoice.csv");
        CsvFile.write(file, List.of("id"), false, sink -> sink.row("old"));

        assertThatThrownBy(() -> CsvFile.write(file, List.of("id"), false, sink -> {
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

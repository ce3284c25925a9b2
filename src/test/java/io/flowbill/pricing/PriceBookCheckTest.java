package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceBookCheckTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void listsTheVersionsOfAValidBookAndReturnsZero() throws Exception {
        Path file = Files.writeString(dir.resolve("book.yaml"), PriceBooks.SMALL);

        int status = run(file);

        assertThat(status).as("err=%s", text(err)).isZero();
        assertThat(text(out)).contains("currency CNY, zone Asia/Shanghai, 2 version(s)")
                .contains("v1  effective-from 2017-01-01T00:00+08:00  hour-rounding CEIL")
                .contains("v2  effective-from 2017-05-10T00:00+08:00  hour-rounding CEIL");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void printsTheFirstProblemOfAnInvalidBookAndReturnsOne() throws Exception {
        Path file = Files.writeString(dir.resolve("book.yaml"), PriceBooks.smallWithLine(6, "    hour-rounding: UP"));

        int status = run(file);

        assertThat(status).isEqualTo(1);
        assertThat(text(err)).contains(file.toString()).contains("line 6, version 'v1', key 'hour-rounding'");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void refusesAnAbsurdNumberWithItsLineAndKey() throws Exception {
        Path file = Files.writeString(dir.resolve("book.yaml"),
                PriceBooks.smallWithLine(18, "    traffic-out-per-gb: 1e400"));

        int status = run(file);

        assertThat(status).isEqualTo(1);
        assertThat(text(err)).contains("line 18, version 'v1', key 'traffic-out-per-gb'")
                .contains("exponent notation");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void refusesAZoneWhoseDaysAreNotWholeUtcHours() throws Exception {
        Path file = Files.writeString(dir.resolve("book.yaml"), PriceBooks.smallWithLine(2, "zone: Asia/Kolkata"));

        int status = run(file);

        assertThat(status).isEqualTo(1);
        assertThat(text(err)).contains("line 2, key 'zone'").contains("+05:30");
    }

    @Test
    void reportsAMissingFileAndReturnsOne() {
        int status = run(dir.resolve("missing.yaml"));

        assertThat(status).isEqualTo(1);
        assertThat(text(err)).contains("missing.yaml").contains("cannot read");
    }

    private int run(Path file) {
        return PriceBookCheck.run(file, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}

package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.export.ExportProperties;
import io.flowbill.invoicing.TableSnapshot;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.DemoFleetTest;

/**
 * {@code nightly} as the demo (built-in sandbox of 30 containers, tenant demo) on a test database, with the bundled
 * price book.
 */
@DemoFleetTest
@ExtendWith(OutputCaptureExtension.class)
class NightlyCommandIT {

    static Path exportDir;

    @BeforeAll
    static void exportDir(@Autowired ExportProperties export) {
        exportDir = export.dir();
    }

    @Autowired
    NightlyCommand nightly;

    @Autowired
    RateCommand rate;

    @Autowired
    CloseCommand close;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PriceBook book;

    @Autowired
    Clock clock;

    @Test
    void runsYesterdayTwiceWithoutChangingARowOrAByte(CapturedOutput output) throws Exception {
        LocalDate yesterday = book.zone().yesterday(clock.instant().minus(Duration.ofMinutes(10)));

        // when: the default day, then the same day named
        int first = nightly.run(null, null, out());
        Map<String, List<String>> rows = TableSnapshot.of(jdbc);
        Map<Path, byte[]> files = files();
        int second = nightly.run(null, yesterday, out());

        // then
        assertThat(first).as("exit code of the first run").isZero();
        assertThat(second).as("exit code of the second run").isZero();
        assertThat(rows.get("charge_line")).as("charge lines of %s", yesterday).isNotEmpty();
        assertThat(TableSnapshot.of(jdbc)).as("billing tables after the second run of %s", yesterday).isEqualTo(rows);
        assertThat(files.keySet()).as("files written for %s", yesterday).extracting(Path::toString).contains(
                "demo/" + yesterday.toString().substring(0, 7) + "/charges-" + yesterday + ".csv",
                "demo/" + yesterday.toString().substring(0, 7) + "/exceptions-" + yesterday + ".csv",
                "demo/" + yesterday.toString().substring(0, 7) + "/invoice-" + yesterday.toString().substring(0, 7)
                        + ".csv");
        assertThat(files()).as("file contents after the second run")
                .allSatisfy((file, bytes) -> assertThat(bytes).as("bytes of %s", file).isEqualTo(files.get(file)));
        assertThat(output.getOut()).contains("nightly " + yesterday + " (Asia/Shanghai", "containers billed",
                "amount by item", "exceptions", "file ", "elapsed", "already metered", "(run ", "unchanged)");
    }

    @Test
    void ratesADayAgainFromStoredUsage(CapturedOutput output) throws Exception {
        LocalDate yesterday = book.zone().yesterday(clock.instant().minus(Duration.ofMinutes(10)));
        nightly.run(null, yesterday, out());

        int exit = rate.run(null, yesterday, out());

        assertThat(exit).as("exit code of rate").isZero();
        String printed = output.getOut().substring(output.getOut().lastIndexOf("rate " + yesterday));
        assertThat(printed).contains("charge lines (run ", "unchanged)");
        assertThat(printed.lines().filter(line -> line.strip().startsWith("file")).toList())
                .as("files the rate prints").doesNotHaveDuplicates().anyMatch(line -> line.endsWith("manifest.json"));
    }

    @Test
    void closesAMonthThatIsOverOnceAndWritesItsFinalInvoice(CapturedOutput output) throws Exception {
        // two months back, so that yesterday's month, which the other tests bill, stays open
        YearMonth last = YearMonth.from(book.zone().date(clock.instant())).minusMonths(2);

        int refused = close.run(null, last, false, out(), err());
        int first = close.run(null, last, true, out(), err());
        int again = close.run(null, last, true, out(), err());

        assertThat(refused).as("exit code of close without --force").isEqualTo(FlowbillCli.EXIT_FAILED);
        assertThat(first).as("exit code of the first close").isZero();
        assertThat(again).as("exit code of the second close").isZero();
        String days = last.atDay(1) + ".." + last.atEndOfMonth();
        assertThat(output.getErr()).contains(last + " of tenant demo has " + last.lengthOfMonth() + " days that were never rated: "
                + days);
        assertThat(output.getOut()).contains("warning: --force: closing " + last + " of tenant demo with " + last.lengthOfMonth()
                + " days never rated: " + days, "demo " + last + " FINAL 0.00 CNY (0 lines, closed now)",
                "close " + last + ": demo " + last + " was already FINAL (0.00 CNY, 0 lines); nothing changed");
        assertThat(exportDir.resolve("demo/" + last + "/invoice-" + last + ".csv")).as("export of %s", last)
                .hasContent("tenant,month,status,container_id,container_name,item,tier,quantity,unit,unit_price,"
                        + "amount,currency,invoice_number,period_start,period_end,charge_type,spec_id,price_version,"
                        + "corrects_month,tax\n"
                        + "demo," + last + ",FINAL,,,tax,,0,CNY,0,0.00,CNY,demo-" + last.toString().replace("-", "")
                        + "," + last.atDay(1) + "," + last.atEndOfMonth() + ",,,fengchao-2017-05,,");
        assertThatThrownBy(() -> close.run(null, last.plusMonths(2), false, out(), err()))
                .isInstanceOf(UsageException.class).hasMessageContaining("is not over yet");
    }

    @Test
    void refusesADayThatIsNotOverYet() {
        LocalDate today = book.zone().date(clock.instant());

        assertThatThrownBy(() -> nightly.run(null, today, out()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--date " + today + " is not over yet").hasMessageContaining("choose an earlier day");
    }

    private static PrintWriter out() {
        return new PrintWriter(System.out, true);
    }

    private static PrintWriter err() {
        return new PrintWriter(System.err, true);
    }

    private static Map<Path, byte[]> files() throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(exportDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(exportDir.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }
}

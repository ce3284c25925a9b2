package io.flowbill.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.export.ExportProperties;
import io.flowbill.invoicing.TableSnapshot;
import io.flowbill.system.DemoFleetTest;
import io.flowbill.system.JobAlreadyRunningException;

/**
 * {@code dayBillingJob} in the demo ({@link DemoFleetTest}): its steps in the job
 * repository, a failure stopping at a step and the restart resuming there, and the locks of the jobs it runs inside
 * its steps still excluding other processes. Each test bills a day of its own.
 */
@DemoFleetTest
class DayBillingJobIT {

    static final List<String> STEPS = List.of("dayMeteringStep", "recheckStep", "dayRatingStep", "invoiceStep",
            "exportStep");

    static Path exportDir;

    @BeforeAll
    static void exportDir(@Autowired ExportProperties export) {
        exportDir = export.dir();
    }

    @Autowired
    BillingService billing;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void nightlyRecordsItsStepsInOrderWithTheDayAsALocalDate() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-26");

        billing.nightly("demo", day);

        long run = lastExecution();
        assertThat(steps(run)).as("steps of dayBillingJob execution %s for %s", run, day)
                .containsExactlyElementsOf(STEPS.stream().map(step -> step + " COMPLETED").toList());
        JobExecution execution = jobRepository.getJobExecution(run);
        assertThat(execution.getJobParameters().getParameter("date").type()).as("type of the date parameter")
                .isEqualTo(LocalDate.class);
        assertThat(execution.getJobParameters().getLocalDate("date")).isEqualTo(day);
        assertThat(jdbc.queryForList("""
                select parameter_name || ' ' || parameter_type || ' ' || parameter_value || ' ' || identifying
                  from batch_job_execution_params where job_execution_id = ? order by parameter_name
                """, String.class, run)).as("parameters of execution %s as stored", run)
                .containsExactly("date java.time.LocalDate 2026-11-26 Y", "tenant java.lang.String demo Y");
    }

    @Test
    void aCompletedDayBilledAgainRunsEveryStepAndChangesNothing() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-25");
        billing.nightly("demo", day);
        long first = lastExecution();
        Map<String, List<String>> rows = TableSnapshot.of(jdbc);
        Map<Path, String> files = files();

        String printed = billing.nightly("demo", day).render();

        long again = lastExecution();
        assertThat(instanceOf(again)).as("job instance of the second billing of %s", day)
                .isNotEqualTo(instanceOf(first));
        assertThat(steps(again)).as("steps of the second billing")
                .containsExactlyElementsOf(STEPS.stream().map(step -> step + " COMPLETED").toList());
        assertThat(TableSnapshot.of(jdbc)).as("billing tables after billing %s again", day).isEqualTo(rows);
        assertThat(files()).as("export files after billing %s again", day).isEqualTo(files);
        assertThat(printed).contains("already metered", "nightly " + day + " (Asia/Shanghai", "re-rated ",
                "unchanged)", "file ");
    }

    @Test
    void aFailedExportStopsTheJobThereAndTheRestartRunsTheExportAlone() throws Exception {
        // given: the month's export folder is taken by a plain file, so the export step cannot write
        LocalDate day = LocalDate.parse("2026-10-30");
        Path folder = exportDir.resolve("demo").resolve("2026-10");
        Files.createDirectories(folder.getParent());
        Files.writeString(folder, "not a folder");

        // when
        assertThatThrownBy(() -> billing.nightly("demo", day)).as("billing %s with the export folder taken", day)
                .hasMessageContaining("2026-10");
        long failed = lastExecution();
        Map<String, List<String>> rowsAfterFailure = TableSnapshot.of(jdbc);
        Files.delete(folder);
        String printed = billing.nightly("demo", day).render();
        long restarted = lastExecution();

        // then
        assertThat(status(failed)).as("dayBillingJob execution %s", failed).isEqualTo("FAILED");
        assertThat(steps(failed)).as("steps of the failed execution").containsExactly("dayMeteringStep COMPLETED",
                "recheckStep COMPLETED", "dayRatingStep COMPLETED", "invoiceStep COMPLETED", "exportStep FAILED");
        assertThat(instanceOf(restarted)).as("the restart's job instance").isEqualTo(instanceOf(failed));
        assertThat(steps(restarted)).as("steps of the restart").containsExactly("exportStep COMPLETED");
        assertThat(TableSnapshot.of(jdbc)).as("billing tables after the restart").isEqualTo(rowsAfterFailure);
        assertThat(printed).as("the restart's summary, the skipped steps' parts kept by the failed run")
                .contains("metering ", "re-rated ", "charge lines (run ", "invoice           demo 2026-10",
                        "charges-" + day + ".csv");
        Map<Path, String> files = files();
        assertThat(files.keySet()).extracting(Path::toString).contains("demo/2026-10/charges-" + day + ".csv",
                "demo/2026-10/invoice-2026-10.csv");

        // and: a full billing of the day afterwards finds nothing to change
        billing.nightly("demo", day);
        assertThat(TableSnapshot.of(jdbc)).as("billing tables after a full billing of %s", day)
                .isEqualTo(rowsAfterFailure);
        assertThat(files()).as("export files after a full billing of %s", day).isEqualTo(files);
    }

    @Test
    void aRatingHeldByAnotherProcessStopsTheDayAtItsRatingStepAndTheRestartResumesThere() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-24");
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            // given: another process rates the day
            statement.execute("select pg_advisory_lock(hashtextextended('rating:demo:" + day + "', 0))");

            // when
            assertThatThrownBy(() -> billing.nightly("demo", day)).as("billing %s while rating:demo:%s is held", day, day)
                    .isInstanceOf(JobAlreadyRunningException.class).hasMessageContaining("rating:demo:" + day);
            statement.execute("select pg_advisory_unlock(hashtextextended('rating:demo:" + day + "', 0))");
        }
        long failed = lastExecution();
        billing.nightly("demo", day);
        long resumed = lastExecution();

        // then
        assertThat(steps(failed)).as("steps of the run that met the held lock").containsExactly(
                "dayMeteringStep COMPLETED", "recheckStep COMPLETED", "dayRatingStep FAILED");
        assertThat(steps(resumed)).as("steps of the resumed run").containsExactly("dayRatingStep COMPLETED",
                "invoiceStep COMPLETED", "exportStep COMPLETED");
        assertThat(jdbc.queryForObject("select count(*) from charge_line where charge_date = ?", Long.class, day))
                .as("charge lines of %s", day).isPositive();
    }

    @Test
    void aDayBilledByAnotherProcessIsWaitedForAndNotStartedAlongside() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-23");
        long before = jdbc.queryForObject("select count(*) from batch_job_execution", Long.class);
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            statement.execute("select pg_advisory_lock(hashtextextended('billing:demo:" + day + "', 0))");

            assertThatThrownBy(() -> billing.nightly("demo", day)).isInstanceOf(JobAlreadyRunningException.class)
                    .hasMessageContaining("billing:demo:" + day);
        }
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution", Long.class))
                .as("job executions started while another process bills the day").isEqualTo(before);
    }

    private long lastExecution() {
        return jdbc.queryForObject("""
                select max(e.job_execution_id) from batch_job_execution e
                  join batch_job_instance i on i.job_instance_id = e.job_instance_id where i.job_name = 'dayBillingJob'
                """, Long.class);
    }

    private long instanceOf(long execution) {
        return jdbc.queryForObject("select job_instance_id from batch_job_execution where job_execution_id = ?",
                Long.class, execution);
    }

    private String status(long execution) {
        return jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?", String.class,
                execution);
    }

    /** The steps of an execution in the order they ran, with their status. */
    private List<String> steps(long execution) {
        return jdbc.queryForList("""
                select step_name || ' ' || status from batch_step_execution where job_execution_id = ?
                 order by step_execution_id
                """, String.class, execution);
    }

    private static Map<Path, String> files() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(exportDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(exportDir.relativize(file), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}

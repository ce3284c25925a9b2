package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Which running executions a run recovers: those whose identifying parameters include the run's scope with equal
 * values and types; an execution of another day or range is another process's live work.
 */
class JobRunnerScopeTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-25");

    @Test
    void anExecutionOfTheSameDayIsWithinTheScope() {
        JobParameters rerate = new JobParametersBuilder().addLocalDate("date", DAY, true)
                .addString("rerate", "2026-11-26T01:00:00Z", true).toJobParameters();

        assertThat(JobRunner.within(rerate, day(DAY))).isTrue();
    }

    @Test
    void anExecutionOfAnotherDayIsNotWithinTheScope() {
        assertThat(JobRunner.within(day(DAY.plusDays(1)), day(DAY))).as("the next day's execution").isFalse();
    }

    @Test
    void aDateOfAnotherTypeIsNotWithinTheScope() {
        JobParameters text = new JobParametersBuilder().addString("date", DAY.toString(), true).toJobParameters();

        assertThat(JobRunner.within(text, day(DAY))).as("the day as a string").isFalse();
    }

    @Test
    void aNonIdentifyingParameterDoesNotPlaceAnExecutionInTheScope() {
        JobParameters loose = new JobParametersBuilder().addLocalDate("date", DAY, false).toJobParameters();

        assertThat(JobRunner.within(loose, day(DAY))).isFalse();
    }

    private static JobParameters day(LocalDate day) {
        return new JobParametersBuilder().addLocalDate("date", day, true).toJobParameters();
    }
}

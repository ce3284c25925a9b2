package io.flowbill.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.flowbill.sandbox.FaultConfig;

/**
 * The long part of the fault matrix ({@code ./mvnw verify -Preliability}): PostgreSQL ends every connection of
 * {@code nightly} at each step of the day's billing (inventory, flow, recheck, a rating partition, the publish, the
 * invoice refresh, the export), also with a pool that hands the dead connections out unchecked (the run then leaves
 * its executions UNKNOWN or STARTED), and the database unreachable for 15 s during rating; {@code rate --date} of the
 * day while its nightly still meters it; {@code close --month 2026-11 --force} whose connections end as it makes the
 * invoice FINAL or as it reads the FINAL invoice for its files (compared with a fault-free nightly and close); and
 * the whole run meets an API failing 10 % and 30 % of its requests. Each ends with exactly the rows and files of a
 * fault-free run.
 */
@Tag("reliability")
class FaultMatrixReliabilityIT {

    static final FaultMatrix matrix = new FaultMatrix();

    @AfterAll
    static void report() throws Exception {
        try {
            matrix.report("connection-loss-and-flaky-api");
        }
        finally {
            matrix.close();
        }
    }

    @ParameterizedTest(name = "connections ended at {0}")
    @EnumSource(value = Strike.class, names = { "INVENTORY", "FLOW", "RECHECK", "RATING_PARTITION", "PUBLISH",
        "INVOICE_REFRESH", "EXPORT" })
    void nightlyWhoseConnectionsEndAtAStepEndsAsIfNothingHappened(Strike strike) throws Exception {
        CaseResult result = matrix.endConnections(strike);

        assertThat(result.survived()).as(result.describe()).isTrue();
        assertThat(result.runs()).as("runs until one exited 0 (the hurt one and the same command once more): %s",
                result.describe()).isLessThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "connections ended at {0}, pool unchecked")
    @EnumSource(value = Strike.class, names = { "RATING_PARTITION", "PUBLISH" })
    void nightlyThatRecordsItsFailureOnDeadConnectionsIsResumedByTheSameCommand(Strike strike) throws Exception {
        CaseResult result = matrix.endConnectionsUnchecked(strike);

        assertThat(result.survived()).as(result.describe()).isTrue();
        assertThat(result.runs()).as("runs until one exited 0 (the hurt one and the same command once more): %s",
                result.describe()).isLessThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "database unreachable at {0}")
    @EnumSource(value = Strike.class, names = { "RATING_PARTITION" })
    void nightlyWhoseDatabaseIsUnreachableForAWhileEndsAsIfNothingHappened(Strike strike) throws Exception {
        CaseResult result = matrix.unreachable(strike);

        assertThat(result.survived()).as(result.describe()).isTrue();
        assertThat(result.runs()).as("runs until one exited 0 (the hurt one and the same command once more): %s",
                result.describe()).isLessThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "close, connections ended at its files {0}")
    @ValueSource(booleans = { false, true })
    void closeWhoseConnectionsEndAsItMakesTheInvoiceFinalOrWritesItFailsInOneLineAndClosesIdenticallyOnceMore(
            boolean atFiles) throws Exception {
        CaseResult result = matrix.endConnectionsDuringClose(atFiles);

        assertThat(matrix.hurtClose().exitCode()).as(result.describe()).isNotZero();
        assertThat(FaultMatrix.lines(matrix.hurtClose())).as(result.describe()).isEqualTo(1);
        assertThat(result.survived()).as(result.describe()).isTrue();
        assertThat(result.runs()).as("runs until one exited 0 (the hurt one and the same close once more): %s",
                result.describe()).isEqualTo(2);
    }

    @org.junit.jupiter.api.Test
    void rateOfADayWhoseNightlyStillMetersWaitsAndBillsTheWholeDay() throws Exception {
        CaseResult result = matrix.rateWhileNightlyMeters();

        assertThat(result.survived()).as(result.describe()).isTrue();
    }

    @ParameterizedTest(name = "API failing {0} of requests")
    @ValueSource(doubles = { 0.10, 0.30 })
    void nightlyAgainstAFlakyApiEndsAsAgainstAHealthyOne(double share) throws Exception {
        CaseResult result = matrix.flakyApi("API failing " + Math.round(share * 100) + " %", flaky(share));

        assertThat(result.survived()).as(result.describe()).isTrue();
    }

    /**
     * Per request: 500 (40 % of the share), 503 (20 %), 429 with {@code Retry-After: 1} (20 %), the connection
     * dropped without an answer (20 %); and 403/4030001 above 150 requests per second.
     */
    static FaultConfig flaky(double share) {
        return FaultConfig.none().withServerErrorRate(share * 0.4).withUnavailableRate(share * 0.2)
                .withTooManyRequests(share * 0.2, 1).withDropConnectionRate(share * 0.2).withRateLimitPerSecond(150);
    }
}

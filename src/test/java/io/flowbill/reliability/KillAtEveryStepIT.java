package io.flowbill.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.flowbill.system.Slow;

/**
 * {@code nightly} killed with SIGKILL once at each of its steps, then run again: it must exit 0 and leave exactly
 * the rows and files of a run that was never killed. The CI part of the fault matrix ({@code -Pfull};
 * {@code -Preliability} adds connection losses and a flaky API).
 */
@Slow
class KillAtEveryStepIT {

    static final FaultMatrix matrix = new FaultMatrix();

    @AfterAll
    static void report() throws Exception {
        try {
            matrix.report("kill-at-every-step");
        }
        finally {
            matrix.close();
        }
    }

    @ParameterizedTest(name = "killed at {0}")
    @EnumSource(Strike.class)
    void nightlyKilledAtAStepAndRunAgainEndsAsIfNeverKilled(Strike strike) throws Exception {
        CaseResult result = matrix.kill(strike);

        assertThat(result.survived()).as(result.describe()).isTrue();
    }
}

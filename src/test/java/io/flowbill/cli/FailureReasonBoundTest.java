package io.flowbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureReasonBoundTest {

    @Test
    void aReasonCarryingAStackTraceKeepsItsFirstSentenceOnly() {
        String exitDescription = "java.lang.IllegalStateException: flow call failed\n\tat io.flowbill.metering"
                + ".FlowReader.read(FlowReader.java:42)\n\tat org.springframework.batch.core.step.AbstractStep"
                + ".execute(AbstractStep.java:10)\nCaused by: java.net.ConnectException: refused";

        assertThat(TenantOutcomes.bounded(exitDescription))
                .isEqualTo("java.lang.IllegalStateException: flow call failed");
    }

    @Test
    void aLongReasonIsCutToTheBound() {
        String reason = TenantOutcomes.bounded("x".repeat(5_000));

        assertThat(reason).hasSize(TenantOutcomes.MAX_REASON).endsWith("...");
    }
}

package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ExternalToolTest {

    private static final String MISSING = "promtool is not installed; skipping";

    @Test
    void aMissingToolSkipsTheTestOutsideCi() {
        assertThatThrownBy(() -> ExternalTool.require(false, MISSING, null))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining(MISSING);
        assertThatThrownBy(() -> ExternalTool.require(false, MISSING, "false"))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void aMissingToolFailsTheTestOnCi() {
        assertThatThrownBy(() -> ExternalTool.require(false, MISSING, "true"))
                .isInstanceOf(AssertionError.class)
                .hasMessage(MISSING + " (not skipped: with CI=true a missing tool or service fails the test)");
        assertThatThrownBy(() -> ExternalTool.require(false, MISSING, " TRUE ")).isInstanceOf(AssertionError.class);
    }

    @Test
    void anAvailableToolGoesOnEverywhere() {
        assertThatCode(() -> ExternalTool.require(true, MISSING, "true")).doesNotThrowAnyException();
        assertThatCode(() -> ExternalTool.require(true, MISSING, null)).doesNotThrowAnyException();
    }
}

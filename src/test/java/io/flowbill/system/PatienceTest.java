package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A test's waits are its base times times the scale a slow machine sets. */
class PatienceTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(Patience.SCALE_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Patience.SCALE_PROPERTY);
        }
        else {
            System.setProperty(Patience.SCALE_PROPERTY, before);
        }
    }

    @Test
    void scaleMultipliesEveryWait() {
        System.setProperty(Patience.SCALE_PROPERTY, "2.5");

        assertThat(Patience.seconds(120)).isEqualTo(Duration.ofSeconds(300));
        assertThat(Patience.of(Duration.ofMillis(20))).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void scaleOfOneLeavesTheBaseTime() {
        System.setProperty(Patience.SCALE_PROPERTY, "1");

        assertThat(Patience.seconds(90)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aScaleThatIsNoPositiveNumberIsRefusedNamingTheSetting() {
        System.setProperty(Patience.SCALE_PROPERTY, "fast");

        assertThatThrownBy(() -> Patience.seconds(1)).hasMessage(
                "flowbill.test.timeout-scale (or FLOWBILL_TEST_TIMEOUT_SCALE) must be a positive number like 1 or 2.5,"
                        + " was 'fast'");
        System.setProperty(Patience.SCALE_PROPERTY, "0");
        assertThatThrownBy(() -> Patience.seconds(1)).hasMessageContaining("was '0'");
    }
}

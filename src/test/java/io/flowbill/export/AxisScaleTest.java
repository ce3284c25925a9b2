package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The traffic chart's y-axis: a step of 1, 2 or 5 times a power of ten, ticks up to the largest value. */
class AxisScaleTest {

    @Test
    void picksAStepOfOneTwoOrFiveTimesAPowerOfTenForAboutFourIntervals() {
        // 3166.65 / 4 = 791.7 -> 1000; 4 x 1000 >= 3166.65
        assertScale("3166.646484375", "1000", 4);
        // 12.5 / 4 = 3.125 -> 5; 3 x 5 >= 12.5
        assertScale("12.5", "5", 3);
        // 0.3 / 4 = 0.075 -> 0.1
        assertScale("0.3", "0.1", 3);
        // 8 / 4 = 2 -> 2, exactly 4 intervals
        assertScale("8", "2", 4);
    }

    private static void assertScale(String max, String step, int ticks) {
        AxisScale axis = AxisScale.of(new BigDecimal(max));
        assertThat(axis.step()).as("step for max %s", max).isEqualByComparingTo(step);
        assertThat(axis.ticks()).as("ticks for max %s", max).isEqualTo(ticks);
    }

    @Test
    void anEmptyDayGetsOneIntervalOfOne() {
        assertThat(AxisScale.of(BigDecimal.ZERO).values()).containsExactly(BigDecimal.ZERO, BigDecimal.ONE);
    }
}

package io.flowbill.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The y-axis of a chart: ticks at 0, step, 2 x step, ... up to the first at or above the largest value, with a step
 * of 1, 2 or 5 times a power of ten chosen for about four intervals (exact values, so labels print what they mean).
 *
 * @param step  the distance between ticks, positive
 * @param ticks intervals from 0 to the top, at least 1
 */
public record AxisScale(BigDecimal step, int ticks) {

    private static final int INTERVALS = 4;
    private static final List<BigDecimal> NICE = List.of(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.valueOf(5),
            BigDecimal.TEN);

    public AxisScale {
        if (step.signum() <= 0 || ticks < 1) {
            throw new IllegalArgumentException("an axis needs a positive step and a tick, not " + step + " x " + ticks);
        }
    }

    public static AxisScale of(BigDecimal max) {
        if (max.signum() <= 0) {
            return new AxisScale(BigDecimal.ONE, 1);
        }
        BigDecimal rough = max.divide(BigDecimal.valueOf(INTERVALS)); // exact: 4 divides any decimal
        int exponent = rough.precision() - rough.scale() - 1;
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        BigDecimal step = NICE.stream().map(power::multiply).filter(candidate -> candidate.compareTo(rough) >= 0)
                .findFirst().orElseThrow();
        int ticks = 1;
        while (step.multiply(BigDecimal.valueOf(ticks)).compareTo(max) < 0) {
            ticks++;
        }
        return new AxisScale(step, ticks);
    }

    public BigDecimal top() {
        return step.multiply(BigDecimal.valueOf(ticks));
    }

    public List<BigDecimal> values() {
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i <= ticks; i++) {
            values.add(step.multiply(BigDecimal.valueOf(i)));
        }
        return values;
    }
}

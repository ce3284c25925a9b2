package io.flowbill.system;

import java.time.Duration;

/**
 * How long a test waits for something slow (a process to end, a row to appear): a base duration, generous for an
 * idle 2-core machine, times the scale {@value #SCALE_PROPERTY}. The scale is a system property (the pom passes it to
 * surefire and failsafe, 1 by default) or the environment variable {@value #SCALE_VARIABLE}; a loaded or slow machine
 * raises it ({@code ./mvnw verify -Dflowbill.test.timeout-scale=3}) instead of every test carrying its own constant.
 */
public final class Patience {

    public static final String SCALE_PROPERTY = "flowbill.test.timeout-scale";
    public static final String SCALE_VARIABLE = "FLOWBILL_TEST_TIMEOUT_SCALE";

    private Patience() {
    }

    /** {@code seconds} times the scale. */
    public static Duration seconds(long seconds) {
        return of(Duration.ofSeconds(seconds));
    }

    /** {@code base} times the scale. */
    public static Duration of(Duration base) {
        return Duration.ofMillis(Math.round(base.toMillis() * scale()));
    }

    /** The scale: the system property, else the environment variable, else 1. */
    public static double scale() {
        String property = System.getProperty(SCALE_PROPERTY);
        String value = property != null && !property.isBlank() ? property : System.getenv(SCALE_VARIABLE);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            double scale = Double.parseDouble(value.trim());
            if (scale > 0 && Double.isFinite(scale)) {
                return scale;
            }
        }
        catch (NumberFormatException e) {
            // the message below says what to do
        }
        throw new IllegalArgumentException(SCALE_PROPERTY + " (or " + SCALE_VARIABLE + ") must be a positive number"
                + " like 1 or 2.5, was '" + value + "'");
    }

    /** What a timeout message adds so that the reader knows the knob. */
    public static String hint() {
        return "timeout scale " + scale() + "; raise it with -D" + SCALE_PROPERTY + "=N on a slow machine";
    }
}

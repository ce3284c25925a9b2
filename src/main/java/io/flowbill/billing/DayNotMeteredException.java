package io.flowbill.billing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.flowbill.system.Diagnosable;

/**
 * {@code rate} of a day whose metering has not completed (some of its hourly windows are not closed): rating it
 * would publish a partial day as if it were whole.
 */
public class DayNotMeteredException extends IllegalStateException implements Diagnosable {

    DayNotMeteredException(String tenant, LocalDate day, long metered, int hours) {
        super("rate " + day + " of tenant " + tenant + " refused: the day's metering has not completed (" + metered
                + " of " + hours + " hours metered); nothing was rated. Run nightly --date " + day
                + " (it meters and bills the day), or rate it once its metering has finished");
    }

    @Override
    public Optional<String> diagnosis(String during, UnaryOperator<String> setting) {
        return Optional.of(getMessage());
    }
}

package io.flowbill.serve;

import java.time.LocalDate;

/**
 * Bills one day the way {@code nightly --date DAY} does: meters its hours not metered yet, rates it, refreshes the
 * invoice it lands on and writes the exports. The {@code cli} feature implements it; the scheduler calls it.
 */
public interface NightlyBilling {

    void bill(LocalDate day) throws Exception;
}

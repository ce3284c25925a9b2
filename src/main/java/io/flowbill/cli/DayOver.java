package io.flowbill.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

import io.flowbill.metering.MeteringProperties;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PricingProperties;

/**
 * Whether a billing day is over: its last hour has ended in the billing zone and the metering lag has passed
 * since; a month is over once its last day is. {@link #notOver(LocalDate, Optional, Clock)} answers from the settings
 * alone (the lag, the price book's zone) without starting the application: no database, no API, no beans.
 */
final class DayOver {

    private DayOver() {
    }

    /** Why {@code day} cannot be metered yet at {@code now}, or empty when it can. */
    static Optional<String> notOver(LocalDate day, Instant now, Duration lag, BillingZone zone) {
        Instant end = zone.startOf(day.plusDays(1));
        Instant settled = end.plus(lag);
        if (!now.isBefore(settled)) {
            return Optional.empty();
        }
        return Optional.of("--date " + day + " is not over yet: its last hour ends at "
                + end.atZone(zone.id()).toOffsetDateTime() + " and can be metered from "
                + settled.atZone(zone.id()).toOffsetDateTime() + " (the metering lag is " + lag.toMinutes()
                + " minutes); choose an earlier day");
    }

    /**
     * The same answer before the application starts, from the settings it reads ({@link SpringSettings}): no
     * database, no API, no beans. Settings that cannot be read give no answer here: the run decides.
     */
    static Optional<String> notOver(LocalDate day, Optional<ConfigurableEnvironment> settings, Clock clock) {
        return zoneAndLag(settings).flatMap(read -> notOver(day, clock.instant(), read.lag(), read.zone()));
    }

    /** Why {@code month} cannot be closed yet at {@code now} (it has not ended in the billing zone), or empty. */
    static Optional<String> monthNotOver(YearMonth month, Instant now, BillingZone zone) {
        Instant end = zone.startOf(month.plusMonths(1));
        return now.isBefore(end) ? Optional.of("--month " + month + " is not over yet: it can be closed from "
                + end.atZone(zone.id()).toOffsetDateTime() + "; choose a month that is over") : Optional.empty();
    }

    /** {@link #monthNotOver(YearMonth, Instant, BillingZone)} from the settings, before anything starts. */
    static Optional<String> monthNotOver(YearMonth month, Optional<ConfigurableEnvironment> settings, Clock clock) {
        return zoneAndLag(settings).flatMap(read -> monthNotOver(month, clock.instant(), read.zone()));
    }

    private record ZoneAndLag(BillingZone zone, Duration lag) {
    }

    private static Optional<ZoneAndLag> zoneAndLag(Optional<ConfigurableEnvironment> settings) {
        try {
            return settings.map(environment -> {
                Binder binder = Binder.get(environment);
                MeteringProperties metering = binder.bindOrCreate("flowbill.metering", MeteringProperties.class);
                PricingProperties pricing = binder.bindOrCreate("flowbill.pricing", PricingProperties.class);
                return new ZoneAndLag(pricing.loadPriceBook().zone(), metering.lag());
            });
        }
        catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}

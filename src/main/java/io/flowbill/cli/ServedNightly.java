package io.flowbill.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.flowbill.serve.NightlyBilling;

/** The nightly billing of one day as {@code serve} runs it: what {@code nightly --date} does, reported in the log. */
@Component
class ServedNightly implements NightlyBilling {

    private static final Logger log = LoggerFactory.getLogger(ServedNightly.class);

    private final MeteringService metering;
    private final DayBilling billing;
    private final BillingZone zone;
    private final Clock clock;

    ServedNightly(MeteringService metering, DayBilling billing, PriceBook book, Clock clock) {
        this.metering = metering;
        this.billing = billing;
        this.zone = book.zone();
        this.clock = clock;
    }

    @Override
    public void bill(LocalDate day) throws Exception {
        Instant started = clock.instant();
        MeteringRange range = new MeteringRange(zone.startOf(day), zone.startOf(day.plusDays(1)));
        metering.meter(range, false);
        DayReport report = billing.bill(day);
        log.info("{}", report.render("nightly " + day + " (" + zone.id() + ", " + range.from() + " .. " + range.to()
                + ")", Duration.between(started, clock.instant())).stripTrailing());
    }
}

package io.flowbill.billing;

import java.math.BigDecimal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.flowbill.metering.MeteringProperties;
import io.flowbill.pricing.PriceBook;
import io.flowbill.pricing.PriceVersion;

/**
 * Two GBs, each named for what it is, checked side by side at startup. {@code flowbill.metering.api-mb-per-gb} is the
 * API's unit convention (how many MB the API means by "1GB" in a flow string); a price version's {@code mb-per-gb} is
 * the GB its prices are quoted in. Worked example with both at 1024: the API answers {@code "18.61GB"}, metering
 * stores 18.61 x 1024 = 19056.64 MB, rating bills 19056.64 / 1024 = 18.61 GB. With the API at 1000 and prices at
 * 1024 the same answer is 18610 MB, billed as 18.173828125 GB. They may differ on purpose, so a difference is a
 * warning; the old key {@code flowbill.metering.mb-per-gb}, which named neither, is refused.
 */
@Component
class UnitConventions {

    static final String OLD_KEY = "flowbill.metering.mb-per-gb";
    private static final Logger log = LoggerFactory.getLogger(UnitConventions.class);

    UnitConventions(Environment environment, MeteringProperties metering, PriceBook book) {
        if (environment.containsProperty(OLD_KEY)) {
            throw new IllegalStateException(OLD_KEY + " is no longer read: set flowbill.metering.api-mb-per-gb (how many"
                    + " MB the API means by 1GB) or the price book's mb-per-gb (the GB prices are quoted in)");
        }
        BigDecimal api = BigDecimal.valueOf(metering.apiMbPerGb());
        for (PriceVersion version : book.versions()) {
            if (version.mbPerGb().compareTo(api) != 0) {
                log.warn("flowbill.metering.api-mb-per-gb is {} MB but price version {} quotes its GB as {} MB: an API"
                        + " '1GB' is billed as {} GB. Make sure both are meant", api, version.name(),
                        version.mbPerGb().toPlainString(), api.divide(version.mbPerGb(), java.math.MathContext.DECIMAL64)
                                .stripTrailingZeros().toPlainString());
            }
        }
    }
}

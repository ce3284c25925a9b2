package io.flowbill.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.flowbill.pricing.PriceBook;
import io.flowbill.pricing.PriceBookLoader;

/** The most one container-hour can move, per direction, worked by hand (docs/billing-rules.md, "Plausibility bound"). */
class FlowPlausibilityTest {

    static final UsageWindow HOUR = new UsageWindow(Instant.parse("2026-11-20T00:00:00Z"));
    static final UsageWindow CAPPED_HOUR = new UsageWindow(Instant.parse("2026-12-05T00:00:00Z"));

    /** The bundled book, plus a version from 2026-12-01 that bounds 小型 (spec 10) at 20 GB an hour. */
    static final PriceBook BOOK = PriceBookLoader.parse(bundled() + """
              - name: capped
                effective-from: 2026-12-01T00:00:00+08:00
                specs:
                  "10": {max-traffic-gb-per-hour: 20}
            """, "test.yaml");

    static final FlowPlausibility PLAUSIBILITY = new FlowPlausibility(BOOK, 100);

    @Test
    void aContainerBilledByBandwidthIsBoundedByItsOwnLinkWithTenPercentHeadroom() {
        // 5 Mbps x 3,600 s / 8 = 2,250 MB; x 1.10 = 2,475 MB
        assertThat(PLAUSIBILITY.bound(hour(HOUR, 10, 1, 5)).mb()).isEqualByComparingTo("2475");
        // 8 Mbps: 3,600 MB; x 1.10 = 3,960 MB
        assertThat(PLAUSIBILITY.bound(hour(HOUR, 10, 1, 8)).mb()).isEqualByComparingTo("3960");
    }

    @Test
    void aTrafficBilledContainerIsBoundedByItsSpecsDefaultOfOneHundredGb() {
        // 小型 without max-traffic-gb-per-hour in the book: 100 GB x 1024 MB = 102,400 MB; 4 TB = 4,194,304 MB is above
        FlowPlausibility.Bound bound = PLAUSIBILITY.bound(hour(HOUR, 10, 2, null));

        assertThat(bound.mb()).isEqualByComparingTo("102400");
        assertThat(bound.rule()).contains("max-traffic-gb-per-hour 100", "spec 10 (小型)", "fengchao-2017-05");
        assertThat(bound.mb()).isLessThan(new java.math.BigDecimal("4194304"));
    }

    @Test
    void aSpecsMaximumInThePriceBookBoundsItsContainersFromItsVersionOn() {
        // from 2026-12-01 the book says 20 GB for 小型: 20 x 1024 = 20,480 MB; 中型 keeps the default
        assertThat(PLAUSIBILITY.bound(hour(CAPPED_HOUR, 10, 2, null)).mb()).isEqualByComparingTo("20480");
        assertThat(PLAUSIBILITY.bound(hour(CAPPED_HOUR, 20, 2, null)).mb()).isEqualByComparingTo("102400");
        assertThat(PLAUSIBILITY.bound(hour(HOUR, 10, 2, null)).mb()).as("before the version").isEqualByComparingTo("102400");
    }

    @Test
    void aPackageOrPrivateContainerIsBoundedByItsSpecToo() {
        assertThat(PLAUSIBILITY.bound(hour(HOUR, 10, null, null)).mb()).isEqualByComparingTo("102400");
        assertThat(PLAUSIBILITY.bound(hour(HOUR, 10, 1, null)).mb()).as("billed by bandwidth but none given")
                .isEqualByComparingTo("102400");
    }

    @Test
    void aSpecTheBookDoesNotPriceIsBoundedByMaxMbps() {
        // max-mbps 100: 100 x 3,600 / 8 = 45,000 MB; x 1.10 = 49,500 MB
        FlowPlausibility.Bound bound = PLAUSIBILITY.bound(hour(HOUR, 99, 2, null));

        assertThat(bound.mb()).isEqualByComparingTo("49500");
        assertThat(bound.rule()).contains("flowbill.metering.max-mbps 100");
    }

    static ContainerHour hour(UsageWindow window, int specId, Integer networkChargeType, Integer bandwidth) {
        return new ContainerHour(1, "c", window.start().minusSeconds(86_400), null, window, "create_succ", 1, specId, 1,
                networkChargeType, bandwidth, window.start());
    }

    private static String bundled() {
        try (InputStream in = PriceBookLoader.class.getClassLoader().getResourceAsStream("pricing/fengchao.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

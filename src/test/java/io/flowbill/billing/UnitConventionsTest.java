package io.flowbill.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import io.flowbill.metering.MeteringProperties;
import io.flowbill.pricing.PriceBook;
import io.flowbill.pricing.PriceBookLoader;

/** The API's GB and the price's GB are named apart; the old key that named neither is refused. */
@ExtendWith(OutputCaptureExtension.class)
class UnitConventionsTest {

    static final PriceBook BUNDLED = PriceBookLoader.load("classpath:pricing/fengchao.yaml");

    @Test
    void refusesTheOldKeyAndNamesBothNewOnes() {
        MockEnvironment environment = new MockEnvironment().withProperty("flowbill.metering.mb-per-gb", "1000");

        assertThatThrownBy(() -> new UnitConventions(environment, metering(1024), BUNDLED))
                .hasMessageContaining("flowbill.metering.mb-per-gb is no longer read")
                .hasMessageContaining("flowbill.metering.api-mb-per-gb")
                .hasMessageContaining("price book's mb-per-gb");
    }

    @Test
    void warnsWhenTheApiGbDiffersFromThePriceGb(CapturedOutput output) {
        new UnitConventions(new MockEnvironment(), metering(1000), BUNDLED);

        // an API "1GB" of 1000 MB billed in GB of 1024 MB: 1000 / 1024 = 0.9765625 GB
        assertThat(output.getOut()).contains("api-mb-per-gb is 1000 MB").contains("billed as 0.9765625 GB");
    }

    @Test
    void saysNothingWhenBothGbAgree(CapturedOutput output) {
        new UnitConventions(new MockEnvironment(), metering(1024), BUNDLED);

        assertThat(output.getOut()).doesNotContain("api-mb-per-gb");
    }

    private static MeteringProperties metering(int apiMbPerGb) {
        return new MeteringProperties("default", Duration.ofMinutes(10), 500, new BigDecimal("0.01"), apiMbPerGb,
                Duration.ofHours(1), 10_000, 5, Duration.ofDays(7), 1);
    }
}

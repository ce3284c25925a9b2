package io.flowbill.pricing;

import static io.flowbill.pricing.ChargeLines.assertLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PackageOverageTest {

    private static final YearMonth MAY_2017 = YearMonth.of(2017, 5);

    private final PackageOverage overage = new PackageOverage(PriceBooks.bundled());

    @Test
    void billsOutboundTrafficAboveAFullMonthsAllowance() {
        // 744 package hours, 130 GB = 133120 MB out; allowance 100 GB; overage 30 GB x 0.79 = 23.70
        Optional<ChargeLine> line = overage.rate(month("744", "133120"));

        assertThat(line).isPresent();
        assertLine(line.get(), "30", "0.79", "23.70");
        assertThat(line.get().item()).isEqualTo(ChargeItem.PACKAGE_OVERAGE);
        assertThat(line.get().unit()).isEqualTo("GB");
        assertThat(line.get().date()).isEqualTo(LocalDate.of(2017, 5, 31));
        assertThat(line.get().priceVersion()).isEqualTo("fengchao-2017-05");
    }

    @Test
    void proratesTheAllowanceForAPartMonth() {
        // 240 of 744 hours: allowance 100 x 240 / 744 = 32.258064516... GB; 50 GB = 51200 MB out;
        // overage 17.741935483870... -> 17.741935484 GB; x 0.79 = 14.01612903236 -> 14.02
        Optional<ChargeLine> line = overage.rate(month("240", "51200"));

        assertThat(line).isPresent();
        assertLine(line.get(), "17.741935484", "0.79", "14.02");
    }

    @Test
    void producesNoLineWithinTheAllowance() {
        assertThat(overage.rate(month("744", "102400"))).as("exactly 100 GB").isEmpty();
        assertThat(overage.rate(month("240", "1024"))).as("1 GB in a part month").isEmpty();
    }

    @Test
    void refusesMorePackageHoursThanTheMonthHas() {
        assertThatThrownBy(() -> overage.rate(month("745", "0"))).hasMessageContaining("exceed the month 2017-05");
    }

    private static PackageMonth month(String packageHours, String outboundMb) {
        return new PackageMonth("acme", 100, 10, MAY_2017, new BigDecimal(packageHours), new BigDecimal(outboundMb));
    }
}

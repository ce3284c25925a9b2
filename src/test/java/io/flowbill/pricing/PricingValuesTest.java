package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

import org.junit.jupiter.api.Test;

/** The checks the pricing records and codes make on their own, whoever builds them. */
class PricingValuesTest {

    private static final Instant HOUR = Instant.parse("2017-06-01T02:00:00Z");
    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void mapsTheApisCodesBothWays() {
        assertThat(ChargeType.ofCode(1)).isEqualTo(ChargeType.PACKAGE);
        assertThat(ChargeType.ofCode(2).code()).isEqualTo(2);
        assertThat(NetworkChargeType.ofCode(1)).isEqualTo(NetworkChargeType.BANDWIDTH);
        assertThat(NetworkChargeType.ofCode(2).code()).isEqualTo(2);
        assertThat(ChargeItem.ofCode("traffic_out")).isEqualTo(ChargeItem.TRAFFIC_OUT);
        assertThatThrownBy(() -> ChargeType.ofCode(3)).hasMessageContaining("unknown charge_type 3");
        assertThatThrownBy(() -> NetworkChargeType.ofCode(0)).hasMessageContaining("unknown network_charge_type 0");
        assertThatThrownBy(() -> ChargeItem.ofCode("gpu")).hasMessageContaining("unknown charge item gpu");
    }

    @Test
    void usageHourRefusesAWindowThatIsNotAWholeUtcHour() {
        assertThatThrownBy(() -> hour(HOUR.plusSeconds(1800), 3600)).hasMessageContaining("whole UTC hour");
    }

    @Test
    void usageHourRefusesActiveSecondsOutsideTheHour() {
        assertThatThrownBy(() -> hour(HOUR, 3601)).hasMessageContaining("0..3600");
        assertThatThrownBy(() -> hour(HOUR, -1)).hasMessageContaining("0..3600");
    }

    @Test
    void usageHourRefusesAPublicOnDemandContainerWithoutNetworkChargeType() {
        assertThatThrownBy(() -> new UsageHour("acme", 1, HOUR, 3600, true, ChargeType.ON_DEMAND, 10, true, null, 0,
                null, null)).hasMessageContaining("needs a networkChargeType");
    }

    @Test
    void chargeLineRefusesAnAmountThatIsNotRoundedFromItsQuantity() {
        assertThatThrownBy(() -> line("1.000000000", "0.79", "0.80")).hasMessageContaining("is not round(");
        assertThatThrownBy(() -> line("1.0", "0.79", "0.79")).hasMessageContaining("scale 9");
        assertThat(line("1.000000000", "0.79", "0.79").amount()).isEqualByComparingTo("0.79");
    }

    @Test
    void roundsQuantitiesAndAmountsHalfUp() {
        assertThat(Rounding.quantity(new BigDecimal("1"), new BigDecimal("2000000000"))).isEqualTo("0.000000001");
        assertThat(Rounding.amount(new BigDecimal("0.5"), new BigDecimal("0.01"), CNY)).isEqualTo("0.01");
        assertThat(Rounding.amount(new BigDecimal("1"), new BigDecimal("5"), Currency.getInstance("JPY")))
                .isEqualTo("5");
        assertThatThrownBy(() -> Rounding.amountScale(Currency.getInstance("XXX"))).hasMessageContaining("no minor unit");
    }

    private static UsageHour hour(Instant start, int activeSeconds) {
        return new UsageHour("acme", 1, start, activeSeconds, true, ChargeType.ON_DEMAND, 10, false, null, 0,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static ChargeLine line(String quantity, String unitPrice, String amount) {
        return new ChargeLine("acme", LocalDate.of(2017, 6, 1), 1, ChargeType.ON_DEMAND, 10, ChargeItem.TRAFFIC_OUT,
                null, new BigDecimal(quantity), new BigDecimal(unitPrice), new BigDecimal(amount), CNY, "v2");
    }
}

package io.flowbill.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;

/** Finds and checks charge lines in tests, with context in every message. */
final class ChargeLines {

    private ChargeLines() {
    }

    static ChargeLine find(List<ChargeLine> lines, String date, String version, ChargeItem item, Integer tier) {
        List<ChargeLine> found = lines.stream()
                .filter(l -> l.date().toString().equals(date) && l.priceVersion().equals(version)
                        && l.item() == item && Objects.equals(l.tier(), tier))
                .toList();
        assertThat(found).as("lines for day='%s', version='%s', item='%s', tier=%s in %s", date, version, item, tier,
                lines).hasSize(1);
        return found.get(0);
    }

    static void assertLine(ChargeLine line, String quantity, String unitPrice, String amount) {
        String context = String.format("container='%s', day='%s', item='%s', tier=%s, version='%s'",
                line.containerId(), line.date(), line.item().code(), line.tier(), line.priceVersion());
        assertThat(line.quantity()).as("quantity, %s", context).isEqualByComparingTo(quantity);
        assertThat(line.quantity().scale()).as("quantity scale, %s", context).isEqualTo(9);
        assertThat(line.unitPrice()).as("unit price, %s", context).isEqualByComparingTo(unitPrice);
        assertThat(line.amount()).as("amount, %s", context).isEqualByComparingTo(amount);
    }
}

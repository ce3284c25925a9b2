package io.flowbill.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads a day's stored charge lines and checks them, with context in every message. */
public final class StoredLines {

    public static final String V1 = "fixture-2026-01";
    public static final String V2 = "fixture-2026-11-25-noon";

    /** One stored charge line; tier 0 for items other than bandwidth. */
    public record StoredLine(LocalDate date, long containerId, String item, int tier, int chargeType, int specId,
            String version, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency) {
    }

    private StoredLines() {
    }

    public static List<StoredLine> of(JdbcTemplate jdbc, LocalDate date) {
        return jdbc.query("""
                select charge_date, container_id, item, tier, charge_type, spec_id, price_version, quantity, unit_price,
                       amount, currency
                  from charge_line where charge_date = ? order by container_id, item, tier, price_version
                """, (rs, row) -> new StoredLine(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getString(3),
                rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getString(11)), Date.valueOf(date));
    }

    public static List<StoredLine> ofContainer(List<StoredLine> lines, long containerId) {
        return lines.stream().filter(l -> l.containerId() == containerId).toList();
    }

    /** Asserts the one line of (container, item, tier, version) and its quantity, unit price and amount. */
    public static void assertLine(List<StoredLine> lines, long containerId, String item, int tier, String version,
            String quantity, String unitPrice, String amount) {
        List<StoredLine> found = lines.stream().filter(l -> l.containerId() == containerId && l.item().equals(item)
                && l.tier() == tier && l.version().equals(version)).toList();
        String context = String.format("container='%s', item='%s', tier=%s, version='%s'", containerId, item, tier,
                version);
        assertThat(found).as("lines for %s in %s", context, lines).hasSize(1);
        StoredLine line = found.get(0);
        assertThat(line.quantity()).as("quantity, %s", context).isEqualByComparingTo(quantity);
        assertThat(line.quantity().scale()).as("quantity scale, %s", context).isEqualTo(9);
        assertThat(line.unitPrice()).as("unit price, %s", context).isEqualByComparingTo(unitPrice);
        assertThat(line.amount()).as("amount, %s", context).isEqualByComparingTo(amount);
        assertThat(line.amount().scale()).as("amount scale, %s", context).isEqualTo(2);
    }
}

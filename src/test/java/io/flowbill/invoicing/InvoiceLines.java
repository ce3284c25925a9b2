package io.flowbill.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads an invoice's stored lines and checks them, with context in every message. */
final class InvoiceLines {

    /** One stored invoice line; corrects is the corrected month of an adjustment, else null. */
    record Line(long containerId, String item, int tier, BigDecimal quantity, String unit, BigDecimal unitPrice,
            BigDecimal amount, YearMonth corrects) {
    }

    private InvoiceLines() {
    }

    static List<Line> of(JdbcTemplate jdbc, String tenant, YearMonth month) {
        return jdbc.query("""
                select l.container_id, l.item, l.tier, l.quantity, l.unit, l.unit_price, l.amount, l.corrects_month
                  from invoice_line l join invoice i on i.id = l.invoice_id
                 where i.tenant_id = ? and i.billing_month = ?
                 order by l.container_id, l.item, l.tier, l.unit_price
                """, (rs, row) -> new Line(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                rs.getDate(8) == null ? null : YearMonth.from(rs.getDate(8).toLocalDate())),
                tenant, Date.valueOf(month.atDay(1)));
    }

    static void assertLine(List<Line> lines, long containerId, String item, String unitPrice, String quantity,
            String amount) {
        String context = String.format("container='%s', item='%s', unit_price=%s", containerId, item, unitPrice);
        List<Line> found = lines.stream().filter(l -> l.containerId() == containerId && l.item().equals(item)
                && l.unitPrice().compareTo(new BigDecimal(unitPrice)) == 0).toList();
        assertThat(found).as("invoice lines for %s in %s", context, lines).hasSize(1);
        assertThat(found.get(0).quantity()).as("quantity, %s", context).isEqualByComparingTo(quantity);
        assertThat(found.get(0).amount()).as("amount, %s", context).isEqualByComparingTo(amount);
    }

    /** Asserts the one adjustment of a container: quantity 1, the corrected month as unit, price = amount. */
    static void assertAdjustment(List<Line> lines, long containerId, YearMonth corrects, String amount) {
        String context = String.format("adjustment of container='%s' for %s", containerId, corrects);
        List<Line> found = lines.stream().filter(l -> l.containerId() == containerId && l.item().equals("adjustment")
                && corrects.equals(l.corrects())).toList();
        assertThat(found).as("%s in %s", context, lines).hasSize(1);
        Line line = found.get(0);
        assertThat(line.amount()).as("amount, %s", context).isEqualByComparingTo(amount);
        assertThat(line.unitPrice()).as("unit price, %s", context).isEqualByComparingTo(amount);
        assertThat(line.quantity()).as("quantity, %s", context).isEqualByComparingTo("1");
        assertThat(line.unit()).as("unit, %s", context).isEqualTo(corrects.toString());
    }
}

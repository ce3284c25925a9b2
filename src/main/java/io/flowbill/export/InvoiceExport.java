package io.flowbill.export;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code invoice-<YYYY-MM>.csv}: a tenant's invoice of one month with its status, by container_id, item and tier.
 * An adjustment line has quantity 1, the month it corrects as its unit, and the difference as price and amount.
 * Names are those in force at the month's end ({@link ContainerNames}), so a rename after it changes no invoice.
 */
final class InvoiceExport {

    static final List<String> HEADER = List.of("tenant", "month", "status", "container_id", "container_name", "item",
            "tier", "quantity", "unit", "unit_price", "amount", "currency");

    private static final String SQL = """
            select i.tenant_id, i.status, l.container_id, coalesce(v.name, c.name) as name, l.item, l.tier,
                   l.quantity, l.unit, l.unit_price, l.amount, l.currency
              from invoice i
              join invoice_line l on l.invoice_id = i.id
              left join container c on c.tenant_id = i.tenant_id and c.container_id = l.container_id
              left join lateral (""" + ContainerNames.inForceBefore("i.tenant_id", "l.container_id") + """
                ) v on true
             where i.tenant_id = ? and i.billing_month = ?
             order by l.container_id, l.item collate "C", l.tier, l.corrects_month nulls first, l.unit_price
            """;

    private InvoiceExport() {
    }

    static String fileName(YearMonth month) {
        return "invoice-" + month + ".csv";
    }

    /** Writes the file into {@code folder} and counts its rows into {@code tally}. */
    static AtomicFile.Written write(JdbcTemplate jdbc, Path folder, String tenant, YearMonth month, Instant monthEnd,
            boolean bom, ChargeTally tally) {
        return CsvFile.write(folder.resolve(fileName(month)), HEADER, bom, sink -> jdbc.query(SQL, rs -> {
            long containerId = rs.getLong("container_id");
            BigDecimal amount = rs.getBigDecimal("amount");
            sink.row(
                    rs.getString("tenant_id"),
                    month.toString(),
                    rs.getString("status"),
                    Long.toString(containerId),
                    CsvCells.untrusted(rs.getString("name")),
                    rs.getString("item"),
                    CsvCells.tier(rs.getInt("tier")),
                    CsvCells.decimal(rs.getBigDecimal("quantity")),
                    rs.getString("unit"),
                    CsvCells.decimal(rs.getBigDecimal("unit_price")),
                    CsvCells.decimal(amount),
                    rs.getString("currency"));
            tally.add(containerId, rs.getString("item"), null, amount, null);
        }, Timestamp.from(monthEnd), tenant, Date.valueOf(month.atDay(1))));
    }
}

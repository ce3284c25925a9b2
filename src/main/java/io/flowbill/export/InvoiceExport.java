package io.flowbill.export;

import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code invoice-<YYYY-MM>.csv}: a tenant's invoice of one month with its status, by container_id, item and tier.
 * An adjustment line has quantity 1, the month it corrects as its unit, and the difference as price and amount.
 */
final class InvoiceExport {

    static final List<String> HEADER = List.of("tenant", "month", "status", "container_id", "container_name", "item",
            "tier", "quantity", "unit", "unit_price", "amount", "currency");

    private static final String SQL = """
            select i.tenant_id, i.status, l.container_id, c.name, l.item, l.tier, l.quantity, l.unit, l.unit_price,
                   l.amount, l.currency
              from invoice i
              join invoice_line l on l.invoice_id = i.id
              left join container c on c.tenant_id = i.tenant_id and c.container_id = l.container_id
             where i.tenant_id = ? and i.billing_month = ?
             order by l.container_id, l.item collate "C", l.tier, l.corrects_month nulls first, l.unit_price
            """;

    private InvoiceExport() {
    }

    static Path write(JdbcTemplate jdbc, ExportFolders folders, String tenant, YearMonth month) {
        Path target = folders.of(tenant, month).resolve("invoice-" + month + ".csv");
        return CsvFile.write(target, HEADER, sink -> jdbc.query(SQL, rs -> {
            sink.row(
                    rs.getString("tenant_id"),
                    month.toString(),
                    rs.getString("status"),
                    Long.toString(rs.getLong("container_id")),
                    CsvCells.untrusted(rs.getString("name")),
                    rs.getString("item"),
                    CsvCells.tier(rs.getInt("tier")),
                    CsvCells.decimal(rs.getBigDecimal("quantity")),
                    rs.getString("unit"),
                    CsvCells.decimal(rs.getBigDecimal("unit_price")),
                    CsvCells.decimal(rs.getBigDecimal("amount")),
                    rs.getString("currency"));
        }, tenant, Date.valueOf(month.atDay(1))));
    }
}

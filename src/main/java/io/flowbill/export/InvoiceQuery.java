package io.flowbill.export;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads an invoice's row of the invoice table as an {@link InvoiceHeader} (in the caller's transaction). */
final class InvoiceQuery {

    private static final String HEADER = """
            select status, currency, subtotal, tax_rate, tax, tax_version, total, lines, closed_at
              from invoice where tenant_id = ? and billing_month = ?
            """;

    private InvoiceQuery() {
    }

    static InvoiceHeader header(JdbcTemplate jdbc, String tenant, YearMonth month) {
        return jdbc.queryForObject(HEADER, (rs, row) -> new InvoiceHeader(InvoiceHeader.numberOf(tenant, month),
                tenant, month, rs.getString("status"), rs.getString("currency"), rs.getBigDecimal("subtotal"),
                rs.getBigDecimal("tax_rate"), rs.getString("tax_version"), rs.getBigDecimal("tax"),
                rs.getBigDecimal("total"), rs.getLong("lines"), closedAt(rs.getTimestamp("closed_at"))),
                tenant, Date.valueOf(month.atDay(1)));
    }

    private static Instant closedAt(Timestamp closedAt) {
        return closedAt == null ? null : closedAt.toInstant();
    }
}

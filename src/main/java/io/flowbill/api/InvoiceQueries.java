package io.flowbill.api;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.flowbill.export.ContainerNames;
import io.flowbill.export.DocumentNumbers;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;

/**
 * A tenant's invoices and their lines, a page at a time: keyset queries on the invoice table's keys (newest month
 * first; lines in the order of their unique index), never an OFFSET, so a page costs the same wherever it starts.
 */
@Component
public class InvoiceQueries {

    static final String INVOICES = "invoices";
    static final String LINES = "invoice-lines";

    private static final String HEADER_COLUMNS = """
            select id, billing_month, status, currency, subtotal, tax_rate, tax, tax_version, total, lines, changed_at,
                   closed_at
              from invoice
            """;

    /** The line key of index invoice_line_once, nulls coalesced as there. */
    private static final String LINE_KEY = "l.container_id, l.item, l.tier, l.unit_price,"
            + " coalesce(l.corrects_month, date '0001-01-01'), coalesce(l.charge_type, -1), coalesce(l.spec_id, -1),"
            + " coalesce(l.price_version, '')";

    private static final String LINES_SQL = """
            select l.container_id, coalesce(v.name, c.name) as name, l.item, l.tier, l.unit_price, l.corrects_month,
                   l.charge_type, l.spec_id, l.price_version, l.quantity, l.unit, l.amount, l.currency,
                   coalesce(l.corrects_month, date '0001-01-01') as k_corrects, coalesce(l.charge_type, -1) as k_type,
                   coalesce(l.spec_id, -1) as k_spec, coalesce(l.price_version, '') as k_version
              from invoice i
              join invoice_line l on l.invoice_id = i.id
              left join container c on c.tenant_id = i.tenant_id and c.container_id = l.container_id
              left join lateral (""" + ContainerNames.inForceBefore("i.tenant_id", "l.container_id") + """
                ) v on true
             where i.id = ? %s
             order by\s""" + LINE_KEY + """
             \slimit ?
            """;

    private final JdbcTemplate jdbc;
    private final BillingZone zone;

    InvoiceQueries(JdbcTemplate jdbc, PriceBook book) {
        this.jdbc = jdbc;
        this.zone = book.zone();
    }

    /** The tenant's invoices, newest month first, optionally of one month or status. */
    public Page<InvoiceSummary> list(String tenant, YearMonth month, String status, String after, int limit) {
        Cursor.Key key = Cursor.decode(INVOICES, after, 1);
        StringBuilder sql = new StringBuilder(HEADER_COLUMNS).append(" where tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (month != null) {
            sql.append(" and billing_month = ?");
            args.add(Date.valueOf(month.atDay(1)));
        }
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status);
        }
        if (key != null) {
            sql.append(" and billing_month < ?");
            args.add(Date.valueOf(key.month(0).atDay(1)));
        }
        sql.append(" order by billing_month desc limit ?");
        args.add(limit + 1);
        List<Page.Keyed<InvoiceSummary>> rows = jdbc.query(sql.toString(), (rs, row) -> {
            InvoiceSummary invoice = summary(tenant, rs);
            return new Page.Keyed<>(invoice, Cursor.encode(INVOICES, invoice.month()));
        }, args.toArray());
        return Page.of(rows, limit);
    }

    /** The tenant's invoice of the month, if it has one. */
    public Optional<InvoiceSummary> find(String tenant, YearMonth month) {
        return jdbc.query(HEADER_COLUMNS + " where tenant_id = ? and billing_month = ?",
                (rs, row) -> summary(tenant, rs), tenant, Date.valueOf(month.atDay(1))).stream().findFirst();
    }

    /** A page of the invoice's lines, with each container's name in force at the month's end. */
    public Page<InvoiceLineItem> lines(InvoiceSummary invoice, String after, int limit) {
        Cursor.Key key = Cursor.decode(LINES, after, 8);
        Instant monthEnd = zone.startOf(YearMonth.parse(invoice.month()).plusMonths(1));
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(monthEnd), invoice.id()));
        String sql;
        if (key == null) {
            sql = LINES_SQL.formatted("");
        }
        else {
            sql = LINES_SQL.formatted("and (" + LINE_KEY + ") > (?, ?, ?, ?, ?, ?, ?, ?)");
            args.addAll(List.of(key.number(0), key.text(1), key.integer(2), key.decimal(3), key.date(4),
                    key.integer(5), key.integer(6), key.text(7)));
        }
        args.add(limit + 1);
        List<Page.Keyed<InvoiceLineItem>> rows = jdbc.query(sql, (rs, row) -> new Page.Keyed<>(line(rs),
                Cursor.encode(LINES, rs.getLong("container_id"), rs.getString("item"), rs.getInt("tier"),
                        rs.getBigDecimal("unit_price").toPlainString(), rs.getObject("k_corrects", LocalDate.class),
                        rs.getInt("k_type"), rs.getInt("k_spec"), rs.getString("k_version"))), args.toArray());
        return Page.of(rows, limit);
    }

    /** The month an invoice number names when it is one of the tenant's ({@code <tenant>-<YYYYMM>}). */
    public static Optional<YearMonth> monthOf(String tenant, String number) {
        String prefix = tenant + "-";
        if (!number.startsWith(prefix) || !number.substring(prefix.length()).matches("\\d{6}")) {
            return Optional.empty();
        }
        String digits = number.substring(prefix.length());
        int month = Integer.parseInt(digits.substring(4));
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        YearMonth named = YearMonth.of(Integer.parseInt(digits.substring(0, 4)), month);
        return DocumentNumbers.invoice(tenant, named).equals(number) ? Optional.of(named) : Optional.empty();
    }

    private static InvoiceSummary summary(String tenant, ResultSet rs) throws SQLException {
        YearMonth month = YearMonth.from(rs.getDate("billing_month").toLocalDate());
        Timestamp closedAt = rs.getTimestamp("closed_at");
        return new InvoiceSummary(rs.getLong("id"), DocumentNumbers.invoice(tenant, month), month.toString(),
                rs.getString("status"), rs.getString("currency"), Decimals.plain(rs.getBigDecimal("subtotal")),
                Decimals.plain(rs.getBigDecimal("tax_rate")), Decimals.plain(rs.getBigDecimal("tax")),
                rs.getString("tax_version"), Decimals.plain(rs.getBigDecimal("total")), rs.getLong("lines"),
                rs.getTimestamp("changed_at").toInstant(), closedAt == null ? null : closedAt.toInstant());
    }

    private static InvoiceLineItem line(ResultSet rs) throws SQLException {
        Date corrects = rs.getDate("corrects_month");
        return new InvoiceLineItem(rs.getLong("container_id"), rs.getString("name"), rs.getString("item"),
                rs.getInt("tier"), ChargeTypes.name(rs.getObject("charge_type", Integer.class)),
                rs.getObject("spec_id", Integer.class), rs.getString("price_version"),
                Decimals.plain(rs.getBigDecimal("quantity")), rs.getString("unit"),
                Decimals.plain(rs.getBigDecimal("unit_price")), Decimals.plain(rs.getBigDecimal("amount")),
                rs.getString("currency"), corrects == null ? null : corrects.toLocalDate());
    }
}

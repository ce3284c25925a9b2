package io.flowbill.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.flowbill.export.ContainerNames;
import io.flowbill.export.DocumentNumbers;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;

/** A tenant's credit notes and their lines, a page at a time, in the order they were issued. */
@Component
public class CreditNoteQueries {

    static final String NOTES = "credit-notes";
    static final String LINES = "credit-note-lines";

    private static final Pattern NUMBER_TAIL = Pattern.compile("(\\d{4})(\\d{2})-([1-9]\\d{0,8})");

    private static final String HEADER = """
            select n.id, n.corrects_month, n.sequence, n.issued_in_month, n.issued_at, n.currency, n.subtotal,
                   n.tax_rate, n.tax, n.total, n.lines, i.billing_month as invoice_month
              from credit_note n join invoice i on i.id = n.corrects_invoice_id
             where n.tenant_id = ?""";

    private static final String LINES_SQL = """
            select l.container_id, (""" + ContainerNames.inForceBefore("n.tenant_id", "l.container_id") + """
                   ) as name, l.quantity, l.unit, l.unit_price, l.amount, l.currency
              from credit_note_line l join credit_note n on n.id = l.credit_note_id
             where l.credit_note_id = ? and l.container_id > ?
             order by l.container_id
             limit ?
            """;

    private final JdbcTemplate jdbc;
    private final BillingZone zone;

    CreditNoteQueries(JdbcTemplate jdbc, PriceBook book) {
        this.jdbc = jdbc;
        this.zone = book.zone();
    }

    /** A page of the tenant's credit notes, optionally of those correcting one month. */
    public Page<CreditNoteSummary> list(String tenant, YearMonth corrects, String after, int limit) {
        Cursor.Key key = Cursor.decode(NOTES, after, 1);
        StringBuilder sql = new StringBuilder(HEADER);
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (corrects != null) {
            sql.append(" and n.corrects_month = ?");
            args.add(java.sql.Date.valueOf(corrects.atDay(1)));
        }
        if (key != null) {
            sql.append(" and n.id > ?");
            args.add(key.number(0));
        }
        sql.append(" order by n.id limit ?");
        args.add(limit + 1);
        List<Page.Keyed<CreditNoteSummary>> rows = jdbc.query(sql.toString(),
                (rs, row) -> new Page.Keyed<>(summary(tenant, rs), Cursor.encode(NOTES, rs.getLong("id"))),
                args.toArray());
        return Page.of(rows, limit);
    }

    /** The tenant's credit note of this number ({@code <tenant>-CN-<YYYYMM>-<n>}), if there is one. */
    public Optional<CreditNoteSummary> find(String tenant, String number) {
        String prefix = tenant + "-CN-";
        Matcher tail = NUMBER_TAIL.matcher(number.startsWith(prefix) ? number.substring(prefix.length()) : "");
        if (!tail.matches() || Integer.parseInt(tail.group(2)) < 1 || Integer.parseInt(tail.group(2)) > 12) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.of(Integer.parseInt(tail.group(1)), Integer.parseInt(tail.group(2)));
        return jdbc.query(HEADER + " and n.corrects_month = ? and n.sequence = ?", (rs, row) -> summary(tenant, rs),
                tenant, java.sql.Date.valueOf(month.atDay(1)), Integer.parseInt(tail.group(3))).stream()
                .filter(note -> note.number().equals(number)).findFirst();
    }

    /** A page of the note's lines, each with its container's name at the end of the month corrected. */
    public Page<CreditNoteLineItem> lines(CreditNoteSummary note, String after, int limit) {
        Cursor.Key key = Cursor.decode(LINES, after, 1);
        Timestamp monthEnd = Timestamp.from(zone.startOf(YearMonth.parse(note.correctsMonth()).plusMonths(1)));
        List<Page.Keyed<CreditNoteLineItem>> rows = jdbc.query(LINES_SQL, (rs, row) -> new Page.Keyed<>(
                new CreditNoteLineItem(rs.getLong("container_id"), rs.getString("name"),
                        Decimals.plain(rs.getBigDecimal("quantity")), rs.getString("unit"),
                        Decimals.plain(rs.getBigDecimal("unit_price")), Decimals.plain(rs.getBigDecimal("amount")),
                        rs.getString("currency")),
                Cursor.encode(LINES, rs.getLong("container_id"))), monthEnd, note.id(),
                key == null ? Long.MIN_VALUE : key.number(0), limit + 1);
        return Page.of(rows, limit);
    }

    private static CreditNoteSummary summary(String tenant, ResultSet rs) throws SQLException {
        YearMonth corrects = YearMonth.from(rs.getDate("corrects_month").toLocalDate());
        int sequence = rs.getInt("sequence");
        return new CreditNoteSummary(rs.getLong("id"), DocumentNumbers.creditNoteFiles(corrects, sequence),
                DocumentNumbers.creditNote(tenant, corrects, sequence),
                DocumentNumbers.invoice(tenant, YearMonth.from(rs.getDate("invoice_month").toLocalDate())),
                corrects.toString(), YearMonth.from(rs.getDate("issued_in_month").toLocalDate()).toString(),
                rs.getTimestamp("issued_at").toInstant(), rs.getString("currency"),
                Decimals.plain(rs.getBigDecimal("subtotal")), Decimals.plain(rs.getBigDecimal("tax_rate")),
                Decimals.plain(rs.getBigDecimal("tax")), Decimals.plain(rs.getBigDecimal("total")),
                rs.getLong("lines"));
    }
}

package io.flowbill.export;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.pricing.BillingZone;

/** Reads the credit notes a tenant's month issued (their files live in that month's folder). */
final class CreditNoteQuery {

    private static final String NOTES = """
            select n.id, n.corrects_month, n.sequence, n.issued_at, n.currency, n.subtotal, n.tax_rate, n.tax, n.total,
                   i.tenant_id || '-' || to_char(i.billing_month, 'YYYYMM') as invoice_number
              from credit_note n join invoice i on i.id = n.corrects_invoice_id
             where n.tenant_id = ? and n.issued_in_month = ?
             order by n.corrects_month, n.sequence
            """;

    private static final String LINES = """
            select l.container_id, (""" + ContainerNames.inForceBefore("n.tenant_id", "l.container_id") + """
                   ) as name,
                   (select coalesce(sum(il.amount), 0) from invoice_line il
                     where il.invoice_id = n.corrects_invoice_id and il.container_id = l.container_id
                       and il.corrects_month is null) as billed,
                   l.amount
              from credit_note_line l join credit_note n on n.id = l.credit_note_id
             where l.credit_note_id = ?
             order by l.container_id
            """;

    private CreditNoteQuery() {
    }

    static List<CreditNote> issuedIn(JdbcTemplate jdbc, BillingZone zone, String tenant, YearMonth month) {
        List<Header> headers = jdbc.query(NOTES, (rs, row) -> new Header(rs.getLong("id"), new CreditNote(tenant,
                YearMonth.from(rs.getDate("corrects_month").toLocalDate()), rs.getInt("sequence"),
                rs.getString("invoice_number"), zone.date(rs.getTimestamp("issued_at").toInstant()),
                rs.getString("currency"), rs.getBigDecimal("subtotal"), rs.getBigDecimal("tax_rate"),
                rs.getBigDecimal("tax"), rs.getBigDecimal("total"), List.of())), tenant, Date.valueOf(month.atDay(1)));
        List<CreditNote> notes = new ArrayList<>();
        for (Header header : headers) {
            CreditNote note = header.note();
            Timestamp monthEnd = Timestamp.from(zone.startOf(note.correctsMonth().plusMonths(1)));
            List<CreditNote.Line> lines = jdbc.query(LINES, (rs, row) -> new CreditNote.Line(rs.getLong(1),
                    rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)), monthEnd, header.id());
            notes.add(new CreditNote(note.tenant(), note.correctsMonth(), note.sequence(), note.invoiceNumber(),
                    note.issuedOn(), note.currency(), note.subtotal(), note.taxRate(), note.tax(), note.total(), lines));
        }
        return notes;
    }

    private record Header(long id, CreditNote note) {
    }
}

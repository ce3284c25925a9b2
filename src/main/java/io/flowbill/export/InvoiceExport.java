package io.flowbill.export;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.pricing.ChargeType;
import io.flowbill.pricing.Rounding;

/**
 * {@code invoice-<YYYY-MM>.csv}: a tenant's invoice of one month with its status, by container_id, item and tier,
 * then one {@code tax} line, so that the {@code amount} column adds up to the invoice's total. Every line satisfies
 * amount = round(quantity x unit price) (docs/billing-rules.md, "The invoice as a file"):
 * <ul>
 * <li>a charge line says its charge type, spec and price version; its quantity is the month's and its amount that
 * quantity rated once ({@link Rounding#amount}), as the invoice table holds it. Only an invoice closed by an earlier
 * release, whose lines summed daily-rounded amounts, gets a {@code rounding} line (quantity 1, unit the currency,
 * price = amount = the difference), so that its file adds up to what it billed;</li>
 * <li>an adjustment has quantity 1, the month it corrects as its unit and in {@code corrects_month}, and the
 * difference as price and amount;</li>
 * <li>the tax line has the subtotal as quantity, the currency as unit, the tax rate as unit price and the tax as
 * amount.</li>
 * </ul>
 * Names are those in force at the month's end ({@link ContainerNames}), so a rename after it changes no invoice.
 */
final class InvoiceExport {

    /** The columns up to {@code currency} are those of earlier releases, in their order; the rest were added after. */
    static final List<String> HEADER = List.of("tenant", "month", "status", "container_id", "container_name", "item",
            "tier", "quantity", "unit", "unit_price", "amount", "currency", "invoice_number", "period_start",
            "period_end", "charge_type", "spec_id", "price_version", "corrects_month", "tax");

    /** The item of the invoice's one tax line. */
    static final String TAX_ITEM = "tax";

    /** The item of the line of an invoice closed before lines were rated once: its daily roundings' difference. */
    static final String ROUNDING_ITEM = "rounding";

    private static final String SQL = """
            select l.container_id, coalesce(v.name, c.name) as name, l.item, l.tier, l.quantity, l.unit, l.unit_price,
                   l.amount, l.currency, l.charge_type, l.spec_id, l.price_version, l.corrects_month
              from invoice i
              join invoice_line l on l.invoice_id = i.id
              left join container c on c.tenant_id = i.tenant_id and c.container_id = l.container_id
              left join (""" + ContainerNames.allInForceBefore() + """
                ) v on v.container_id = l.container_id
             where i.tenant_id = ? and i.billing_month = ?
             order by l.container_id, l.item collate "C", l.tier, l.corrects_month nulls first, l.charge_type,
                      l.spec_id, l.price_version collate "C", l.unit_price, l.unit collate "C"
            """;

    private InvoiceExport() {
    }

    static String fileName(YearMonth month) {
        return "invoice-" + month + ".csv";
    }

    /**
     * Writes the file of {@code invoice} into {@code folder}, counts its rows (and the price versions of its lines)
     * into {@code tally} and hands each line
     * (the tax line not) to {@code lines}.
     */
    static AtomicFile.Written write(JdbcTemplate jdbc, Path folder, InvoiceHeader invoice, Instant monthEnd,
            boolean bom, ChargeTally tally, InvoiceLines lines) {
        YearMonth month = invoice.month();
        Currency currency = Currency.getInstance(invoice.currency());
        String taxRate = CsvCells.decimal(invoice.taxRate());
        List<String> common = List.of(invoice.number(), invoice.periodStart().toString(),
                invoice.periodEnd().toString());
        return CsvFile.write(folder.resolve(fileName(month)), HEADER, bom, sink -> {
            BigDecimal[] rounding = { BigDecimal.ZERO };
            jdbc.query(SQL, rs -> {
                long containerId = rs.getLong("container_id");
                BigDecimal quantity = rs.getBigDecimal("quantity");
                BigDecimal unitPrice = rs.getBigDecimal("unit_price");
                BigDecimal stored = rs.getBigDecimal("amount");
                Date corrects = rs.getDate("corrects_month");
                BigDecimal amount = corrects != null ? stored : Rounding.amount(quantity, unitPrice, currency);
                rounding[0] = rounding[0].add(stored).subtract(amount);
                Integer code = rs.getObject("charge_type", Integer.class);
                String chargeType = code == null ? null : ChargeType.ofCode(code).name().toLowerCase(Locale.ROOT);
                Integer specId = rs.getObject("spec_id", Integer.class);
                String version = rs.getString("price_version");
                YearMonth corrected = corrects == null ? null : YearMonth.from(corrects.toLocalDate());
                String item = rs.getString("item");
                sink.row(invoice.tenant(), month.toString(), invoice.status(), Long.toString(containerId),
                        CsvCells.untrusted(rs.getString("name")), item, CsvCells.tier(rs.getInt("tier")),
                        CsvCells.quantity(quantity), rs.getString("unit"), CsvCells.decimal(unitPrice),
                        CsvCells.decimal(amount), rs.getString("currency"), common.get(0), common.get(1),
                        common.get(2), chargeType == null ? "" : chargeType,
                        specId == null ? "" : specId.toString(), version == null ? "" : version,
                        corrected == null ? "" : corrected.toString(), taxRate);
                tally.add(containerId, item, null, amount, version);
                lines.add(new InvoiceLines.Printed(containerId, item, chargeType, specId, rs.getInt("tier"), version,
                        rs.getString("unit"), unitPrice, quantity, amount, corrected, rs.getString("name")));
            }, invoice.tenant(), Timestamp.from(monthEnd), invoice.tenant(), Date.valueOf(month.atDay(1)));
            if (rounding[0].signum() != 0) {
                BigDecimal difference = rounding[0];
                sink.row(invoice.tenant(), month.toString(), invoice.status(), "", "", ROUNDING_ITEM, "", "1",
                        invoice.currency(), CsvCells.decimal(difference), CsvCells.decimal(difference),
                        invoice.currency(), common.get(0), common.get(1), common.get(2), "", "", "", "", taxRate);
                tally.add(0, ROUNDING_ITEM, null, difference, null);
                lines.add(new InvoiceLines.Printed(0, ROUNDING_ITEM, null, null, 0, null, invoice.currency(),
                        difference, BigDecimal.ONE, difference, null));
            }
            sink.row(invoice.tenant(), month.toString(), invoice.status(), "", "", TAX_ITEM, "",
                    CsvCells.decimal(invoice.subtotal()), invoice.currency(), taxRate,
                    CsvCells.decimal(invoice.tax()), invoice.currency(), common.get(0), common.get(1),
                    common.get(2), "", "", invoice.taxVersion() == null ? "" : invoice.taxVersion(), "", "");
            tally.add(0, TAX_ITEM, null, invoice.tax(), null);
        });
    }
}

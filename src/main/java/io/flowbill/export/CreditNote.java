package io.flowbill.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A credit note (红字发票) as stored: what a downward correction of a closed month returns, per container, referring
 * to that month's FINAL invoice (docs/billing-rules.md, "Credit notes").
 *
 * @param tenant         the tenant credited
 * @param correctsMonth  the closed month corrected
 * @param sequence       its number in the month's series, from 1
 * @param invoiceNumber  the number of the FINAL invoice it corrects
 * @param issuedOn       the day it was issued, in the billing zone
 * @param lines          per container: what the invoice billed for it and the difference returned
 */
record CreditNote(String tenant, YearMonth correctsMonth, int sequence, String invoiceNumber, LocalDate issuedOn,
        String currency, BigDecimal subtotal, BigDecimal taxRate, BigDecimal tax, BigDecimal total, List<Line> lines) {

    /**
     * A container's correction.
     *
     * @param name   the container's name at the corrected month's end
     * @param billed what the corrected invoice billed for the container
     * @param amount the difference returned (quantity 1, unit price = amount)
     */
    record Line(long containerId, String name, BigDecimal billed, BigDecimal amount) {
    }

    CreditNote {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(correctsMonth, "correctsMonth");
        lines = List.copyOf(lines);
    }

    /** {@code <tenant>-CN-<YYYYMM>-<n>}, e.g. {@code acme-CN-202611-1}: a series of its own. */
    String number() {
        return DocumentNumbers.creditNote(tenant, correctsMonth, sequence);
    }

    /** The files' name without extension: {@code credit-note-<YYYY-MM>-<n>}. */
    String baseName() {
        return DocumentNumbers.creditNoteFiles(correctsMonth, sequence);
    }
}

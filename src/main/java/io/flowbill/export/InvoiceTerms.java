package io.flowbill.export;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When and where an invoice is to be paid. The issue date is the day {@code close} made the invoice FINAL, in the
 * billing zone; the due date is the issue date plus the payment terms ({@code flowbill.invoice.payment-terms-days},
 * net 30 by default). A DRAFT is not issued: it has neither date, only the terms.
 *
 * @param issued the issue date; null for a DRAFT
 * @param days   the payment terms in days
 * @param bank   the seller's account to pay into; null when none is configured
 */
record InvoiceTerms(LocalDate issued, int days, InvoiceProperties.Bank bank) {

    InvoiceTerms {
        if (days < 0) {
            throw new IllegalArgumentException("payment terms must not be negative, were " + days + " days");
        }
    }

    static InvoiceTerms of(InvoiceHeader header, InvoiceProperties settings, ZoneId zone) {
        LocalDate issued = header.isDraft() || header.closedAt() == null ? null
                : header.closedAt().atZone(zone).toLocalDate();
        return new InvoiceTerms(issued, settings.paymentTermsDays(), settings.payeeBank());
    }

    /** The due date: the issue date plus the terms; null for a DRAFT. */
    LocalDate due() {
        return issued == null ? null : issued.plusDays(days);
    }

    /**
     * The sentence that asks for payment: {@code Please pay 51.02 CNY by 2027-01-02, quoting invoice acme-202611.};
     * a DRAFT states the terms instead.
     */
    String request(InvoiceHeader header) {
        if (issued == null) {
            return "Payable within " + days + " days of the issue date, quoting invoice " + header.number() + ".";
        }
        return "Please pay " + InvoiceNumbers.money(header.total()) + " " + header.currency() + " by " + due()
                + ", quoting invoice " + header.number() + ".";
    }

    /** {@code 2026-12-01}, or what a DRAFT says instead. */
    String issueDate() {
        return issued == null ? "on close (draft)" : issued.toString();
    }

    /** {@code 2026-12-31}, or what a DRAFT says instead. */
    String dueDate() {
        return issued == null ? days + " days after issue" : due().toString();
    }
}

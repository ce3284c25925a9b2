package io.flowbill.export;

import org.springframework.context.ApplicationContext;

import io.flowbill.system.ConfigurationRefused;
import io.flowbill.system.DemoMode;

/**
 * A real tenant's invoice documents need the seller configured ({@code flowbill.invoice.seller.*}): a run that
 * writes invoice documents ({@code nightly}, {@code rate}, {@code close}, {@code export}, {@code serve}) outside the
 * demo refuses to start without it (exit 2, one line naming the settings), so that no customer receives an invoice
 * from the demo's sample seller. The demo keeps its sample seller, marked as such on the documents.
 */
public final class InvoiceSeller {

    static final String REFUSAL = "invoice documents need the seller: set flowbill.invoice.seller.name, .address,"
            + " .tax-id and .email (FLOWBILL_INVOICE_SELLER_NAME, _ADDRESS, _TAXID, _EMAIL); only the demo prints"
            + " its sample seller";

    private InvoiceSeller() {
    }

    /**
     * Refuses a run outside the demo whose seller is not configured.
     *
     * @throws ConfigurationRefused naming the settings to set
     */
    public static void require(ApplicationContext context) {
        if (!DemoMode.on(context.getEnvironment())
                && !context.getBean(InvoiceProperties.class).sellerConfigured()) {
            throw new ConfigurationRefused(REFUSAL);
        }
    }
}

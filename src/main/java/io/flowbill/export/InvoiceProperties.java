package io.flowbill.export;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Who an invoice document is from and to ({@code flowbill.invoice.*}): the seller block, and a buyer block per
 * tenant; a tenant without one is addressed by its tenant id. Without a seller the documents print the demo's sample
 * seller, marked as such; a real run that writes invoice documents refuses to start without one ({@link
 * InvoiceSeller}).
 *
 * @param seller             the seller block printed on every invoice; null when not configured
 * @param buyers             buyer blocks by tenant id, e.g. {@code flowbill.invoice.buyers.acme.name}
 * @param paymentTermsDays   days from the issue date to the due date ({@code flowbill.invoice.payment-terms-days});
 *                           default {@value #DEFAULT_PAYMENT_TERMS_DAYS}
 * @param bank               the seller's bank account the customer pays into ({@code flowbill.invoice.bank.name},
 *                           {@code .account}); none printed when unset, except the demo's sample
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.invoice")
public record InvoiceProperties(@Valid Party seller, Map<String, @Valid Party> buyers,
        @Min(0) @Max(366) Integer paymentTermsDays, @Valid Bank bank) {

    /** Payment terms when {@code flowbill.invoice.payment-terms-days} is unset: net 30. */
    static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;

    /** The demo seller's sample account, printed only with {@link #DEMO_SELLER}. */
    static final Bank DEMO_BANK = new Bank("示例银行 Demo Bank, Hangzhou branch", "DEMO-0000-0000-0000");

    /** The sample seller of the demo, printed when {@code flowbill.invoice.seller} is not configured. */
    static final Party DEMO_SELLER = new Party("示例云 flowbill demo cloud (sample seller, demo)",
            "1 Demo Road, Hangzhou, China", "DEMO-TAX-ID-0000", "billing@flowbill.invalid");

    public InvoiceProperties {
        buyers = buyers == null ? Map.of() : Map.copyOf(buyers);
        paymentTermsDays = paymentTermsDays == null ? DEFAULT_PAYMENT_TERMS_DAYS : paymentTermsDays;
    }

    /** The account the invoice asks to be paid into: the configured one, the demo's sample, or none (null). */
    Bank payeeBank() {
        if (bank != null && !bank.account().isBlank()) {
            return bank;
        }
        return DEMO_SELLER.equals(seller()) ? DEMO_BANK : null;
    }

    /** The seller block printed on every invoice: the configured one, else the demo's sample seller. */
    @Override
    public Party seller() {
        return seller == null ? DEMO_SELLER : seller;
    }

    /** Whether {@code flowbill.invoice.seller.*} is configured. */
    boolean sellerConfigured() {
        return seller != null;
    }

    /** The buyer block of a tenant: configured, or the tenant id as its name. */
    Party buyerOf(String tenant) {
        Party buyer = buyers.get(tenant);
        return buyer != null ? buyer : new Party(tenant, "", "", "");
    }

    /**
     * One party of an invoice.
     *
     * @param name    legal name, printed first (may be Chinese)
     * @param address postal address, one line
     * @param taxId   tax registration number (统一社会信用代码 in China); empty when none
     * @param email   contact address for billing questions; empty when none
     */
    public record Party(@NotBlank String name, String address, String taxId, String email) {

        public Party {
            address = address == null ? "" : address;
            taxId = taxId == null ? "" : taxId;
            email = email == null ? "" : email;
        }
    }

    /**
     * The seller's bank account printed as the invoice's payment details.
     *
     * @param name    the bank and branch (开户行), e.g. {@code 招商银行杭州分行}
     * @param account the account number (账号), printed as configured
     */
    public record Bank(@NotBlank String name, @NotBlank String account) {
    }
}

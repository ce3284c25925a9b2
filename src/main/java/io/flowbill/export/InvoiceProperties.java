package io.flowbill.export;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * Who an invoice document is from and to ({@code flowbill.invoice.*}): the seller block, and a buyer block per
 * tenant; a tenant without one is addressed by its tenant id. The defaults suit the demo.
 *
 * @param seller the seller block printed on every invoice
 * @param buyers buyer blocks by tenant id, e.g. {@code flowbill.invoice.buyers.acme.name}
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.invoice")
public record InvoiceProperties(@Valid Party seller, Map<String, @Valid Party> buyers) {

    /** The seller of the demo, when {@code flowbill.invoice.seller} is not configured. */
    static final Party DEMO_SELLER = new Party("示例云 flowbill demo cloud", "1 Demo Road, Hangzhou, China",
            "DEMO-TAX-ID-0000", "billing@flowbill.invalid");

    public InvoiceProperties {
        seller = seller == null ? DEMO_SELLER : seller;
        buyers = buyers == null ? Map.of() : Map.copyOf(buyers);
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
}

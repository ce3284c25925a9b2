package io.flowbill.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The seller of the invoice documents: the configured one, else the demo's sample seller, marked as a sample. */
class InvoicePropertiesTest {

    @Test
    void withoutASellerTheDocumentsPrintTheDemosSampleSellerMarkedAsSuch() {
        InvoiceProperties unset = new InvoiceProperties(null, null, null, null);

        assertThat(unset.sellerConfigured()).isFalse();
        assertThat(unset.seller().name()).isEqualTo("示例云 flowbill demo cloud (sample seller, demo)");
        assertThat(unset.seller().taxId()).isEqualTo("DEMO-TAX-ID-0000");
    }

    @Test
    void aConfiguredSellerIsPrintedAsConfigured() {
        InvoiceProperties.Party seller = new InvoiceProperties.Party("蜂巢云计算有限公司", "杭州", "91330100MA2B0000X1",
                "billing@example.com");
        InvoiceProperties configured = new InvoiceProperties(seller, Map.of(), null, null);

        assertThat(configured.sellerConfigured()).isTrue();
        assertThat(configured.seller()).isEqualTo(seller);
        assertThat(configured.buyerOf("acme").name()).isEqualTo("acme");
    }
}

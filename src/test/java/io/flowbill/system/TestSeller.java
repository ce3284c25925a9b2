package io.flowbill.system;

import java.util.List;
import java.util.Map;

/**
 * The seller of the tests' real (non-demo) runs: a run that writes invoice documents refuses to start without
 * {@code flowbill.invoice.seller.*} outside the demo, so every test that runs {@code nightly}, {@code rate},
 * {@code close}, {@code export} or {@code serve} on a real configuration gives this one.
 */
public final class TestSeller {

    public static final String NAME = "蜂巢云计算有限公司 Fengchao Cloud (test seller)";

    /** As environment variables, for a separate JVM ({@link FlowbillJar}). */
    public static final Map<String, String> ENV = Map.of("FLOWBILL_INVOICE_SELLER_NAME", NAME,
            "FLOWBILL_INVOICE_SELLER_ADDRESS", "88 Test Road, Hangzhou", "FLOWBILL_INVOICE_SELLER_TAXID",
            "91330100TEST00000X", "FLOWBILL_INVOICE_SELLER_EMAIL", "billing@seller.invalid");

    /** As command-line properties, for a run in the test's JVM. */
    public static final List<String> ARGS = List.of("--flowbill.invoice.seller.name=" + NAME,
            "--flowbill.invoice.seller.address=88 Test Road, Hangzhou",
            "--flowbill.invoice.seller.tax-id=91330100TEST00000X",
            "--flowbill.invoice.seller.email=billing@seller.invalid");

    private TestSeller() {
    }
}

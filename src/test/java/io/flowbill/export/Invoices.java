package io.flowbill.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Named invoice document fixtures: acme's November with Chinese names, a month-level line and an adjustment; and
 * the same invoice with as many usage lines as a test needs to fill pages.
 */
final class Invoices {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final InvoiceProperties.Party SELLER = new InvoiceProperties.Party("蜂巢云计算有限公司 Fengchao Cloud",
            "杭州市滨江区 1 Demo Road", "91330100MA2B0000X1", "billing@example.com");

    /** The seller's account; payment terms net 30. */
    static final InvoiceProperties SETTINGS = new InvoiceProperties(SELLER, Map.of(), 30,
            new InvoiceProperties.Bank("招商银行杭州分行 China Merchants Bank, Hangzhou", "5719 0412 3456 789"));

    /** When the FINAL fixture was closed: 10:00 on 3 December 2026 in Shanghai, so issued 2026-12-03, due 2027-01-02. */
    static final Instant CLOSED = Instant.parse("2026-12-03T02:00:00Z");

    private static final InvoiceProperties.Party BUYER = new InvoiceProperties.Party("Acme 有限公司", "Shanghai", "",
            "");

    private Invoices() {
    }

    /** 40.48 of usage + 6.85 overage + 0.80 adjustment = 48.13; 6 % tax 2.89; total 51.02. */
    static InvoiceDocument november(String status) {
        InvoiceDocument.Line compute = new InvoiceDocument.Line("小型 (spec 10) \u00b7 on_demand", "fixture-2026-01", 2,
                new BigDecimal("24.000000000"), "h", new BigDecimal("0.060"), new BigDecimal("1.44"));
        InvoiceDocument.Line traffic = new InvoiceDocument.Line("小型 (spec 10) \u00b7 on_demand", "fixture-2026-01", 1,
                new BigDecimal("49.265625000"), "GB", new BigDecimal("0.79"), new BigDecimal("39.04"));
        return document(status, List.of(new InvoiceDocument.ItemGroup("compute", List.of(compute),
                new BigDecimal("1.44")), new InvoiceDocument.ItemGroup("traffic_out", List.of(traffic),
                        new BigDecimal("39.04"))), new BigDecimal("48.13"), new BigDecimal("2.89"));
    }

    /**
     * November with {@code count} compute lines of 24 h x 0.060 = 1.44 each (one price version each) instead of its
     * usage: subtotal 1.44 x count + 6.85 + 0.80, tax 6 % of it.
     */
    static InvoiceDocument withComputeLines(String status, int count) {
        List<InvoiceDocument.Line> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new InvoiceDocument.Line("小型 (spec 10) \u00b7 on_demand", "fixture-version-" + i, 1,
                    new BigDecimal("24.000000000"), "h", new BigDecimal("0.060"), new BigDecimal("1.44")));
        }
        BigDecimal usage = new BigDecimal("1.44").multiply(BigDecimal.valueOf(count));
        BigDecimal subtotal = usage.add(new BigDecimal("7.65"));
        BigDecimal tax = io.flowbill.pricing.Rounding.tax(subtotal, new BigDecimal("0.06"),
                java.util.Currency.getInstance("CNY"));
        return document(status, List.of(new InvoiceDocument.ItemGroup("compute", lines, usage)), subtotal, tax);
    }

    private static InvoiceDocument document(String status, List<InvoiceDocument.ItemGroup> usage, BigDecimal subtotal,
            BigDecimal tax) {
        InvoiceHeader header = new InvoiceHeader("acme-202611", "acme", YearMonth.of(2026, 11), status, "CNY",
                subtotal, new BigDecimal("0.06"), "fixture-2026-11-25-noon", tax, subtotal.add(tax), 5,
                "FINAL".equals(status) ? CLOSED : null);
        InvoiceDocument.Line overage = new InvoiceDocument.Line("小型 (spec 10) \u00b7 package",
                "fixture-2026-11-25-noon", 1, new BigDecimal("8.666666667"), "GB", new BigDecimal("0.79"),
                new BigDecimal("6.85"));
        return new InvoiceDocument(header, SELLER, BUYER,
                List.of(new InvoiceDocument.Section("Usage", usage),
                        new InvoiceDocument.Section("Month-level charges", List.of(new InvoiceDocument.ItemGroup(
                                "package_overage", List.of(overage), new BigDecimal("6.85"))))),
                List.of(new InvoiceDocument.Adjustment(YearMonth.of(2026, 10), 1, new BigDecimal("0.80"))), 5, null,
                InvoiceTerms.of(header, SETTINGS, SHANGHAI));
    }
}

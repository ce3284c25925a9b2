package io.flowbill.export;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** A named invoice document fixture: acme's November with Chinese names, a month-level line and an adjustment. */
final class Invoices {

    static final InvoiceProperties.Party SELLER = new InvoiceProperties.Party("蜂巢云计算有限公司 Fengchao Cloud",
            "杭州市滨江区 1 Demo Road", "91330100MA2B0000X1", "billing@example.com");

    private Invoices() {
    }

    /** 40.48 of usage + 6.85 overage + 0.80 adjustment = 48.13; 6 % tax 2.89; total 51.02. */
    static InvoiceDocument november(String status) {
        InvoiceHeader header = new InvoiceHeader("acme-202611", "acme", YearMonth.of(2026, 11), status, "CNY",
                new BigDecimal("48.13"), new BigDecimal("0.06"), "fixture-2026-11-25-noon", new BigDecimal("2.89"),
                new BigDecimal("51.02"), 5);
        InvoiceDocument.Line compute = new InvoiceDocument.Line("小型 (spec 10) \u00b7 on_demand", "fixture-2026-01", 2,
                new BigDecimal("24.000000000"), "hour", new BigDecimal("0.060"), new BigDecimal("1.44"));
        InvoiceDocument.Line traffic = new InvoiceDocument.Line("小型 (spec 10) \u00b7 on_demand", "fixture-2026-01", 1,
                new BigDecimal("49.265625000"), "GB", new BigDecimal("0.79"), new BigDecimal("39.04"));
        InvoiceDocument.Line overage = new InvoiceDocument.Line("小型 (spec 10) \u00b7 package",
                "fixture-2026-11-25-noon", 1, new BigDecimal("8.666666667"), "GB", new BigDecimal("0.79"),
                new BigDecimal("6.85"));
        return new InvoiceDocument(header, SELLER, new InvoiceProperties.Party("Acme 有限公司", "Shanghai", "", ""),
                List.of(new InvoiceDocument.Section("Usage", List.of(
                        new InvoiceDocument.ItemGroup("compute", List.of(compute), new BigDecimal("1.44")),
                        new InvoiceDocument.ItemGroup("traffic_out", List.of(traffic), new BigDecimal("39.04")))),
                        new InvoiceDocument.Section("Month-level charges", List.of(new InvoiceDocument.ItemGroup(
                                "package_overage", List.of(overage), new BigDecimal("6.85"))))),
                List.of(new InvoiceDocument.Adjustment(YearMonth.of(2026, 10), 1, new BigDecimal("0.80"))), 5, null);
    }
}

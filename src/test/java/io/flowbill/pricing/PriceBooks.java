package io.flowbill.pricing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Named price book fixtures shared by the pricing tests. */
final class PriceBooks {

    /**
     * A small two-version book with the seed cloud's prices; line numbers matter to the loader tests
     * (version v1 starts on line 4, its specs on lines 9-14, its tiers on 16-17; v2 starts on line 21).
     */
    static final String SMALL = """
            currency: CNY
            zone: Asia/Shanghai
            versions:
              - name: v1
                effective-from: 2017-01-01T00:00:00+08:00
                hour-rounding: CEIL
                mb-per-gb: 1024
                specs:
                  "1":  {name: 微小型, on-demand-per-hour: 0.039, package-per-month: 28.08, package-traffic-gb: 100}
                  "10": {name: 小型, on-demand-per-hour: 0.060, package-per-month: 43.20, package-traffic-gb: 100}
                  "20": {name: 中型, on-demand-per-hour: 0.200, package-per-month: 144.00, package-traffic-gb: 100}
                  "30": {name: 大型, on-demand-per-hour: 0.280, package-per-month: 201.60, package-traffic-gb: 100}
                  "40": {name: 豪华型, on-demand-per-hour: 0.560, package-per-month: 403.20, package-traffic-gb: 100}
                  "50": {name: 旗舰型, on-demand-per-hour: 1.140, package-per-month: 820.80, package-traffic-gb: 100}
                bandwidth-per-mbps-hour:
                  - {up-to-mbps: 5, price: 0.03}
                  - {price: 0.13}
                traffic-out-per-gb: 0.79
                traffic-in-per-gb: 0
                package-overage-per-gb: 0.79
              - name: v2
                effective-from: 2017-05-10T00:00:00+08:00
                bandwidth-per-mbps-hour:
                  - {up-to-mbps: 5, price: 0.03}
                  - {price: 0.10}
            """;

    /**
     * {@link #SMALL} plus a version that cuts the 小型 (spec 10) package allowance from 100 GB to 10 GB and raises the
     * overage price from 0.79 to 1.00 at 12:30 on the last day of November 2026 (Shanghai). November has 720 hours:
     * 709 start before the cut (up to the 12:00 hour, priced by v2) and 11 after it (13:00 to 23:00, by the cut).
     */
    static final String ALLOWANCE_CUT = SMALL + """
              - name: cut
                effective-from: 2026-11-30T12:30:00+08:00
                specs:
                  "10": {package-traffic-gb: 10}
                package-overage-per-gb: 1.00
            """;

    private PriceBooks() {
    }

    /** The bundled book, {@code classpath:pricing/fengchao.yaml}. */
    static PriceBook bundled() {
        return PriceBookLoader.load(PriceBookLoader.BUNDLED);
    }

    static PriceBook parse(String yaml) {
        return PriceBookLoader.parse(yaml, "test.yaml");
    }

    /** {@link #SMALL} with its 1-based line {@code number} replaced by {@code lines} (none removes it). */
    static String smallWithLine(int number, String... lines) {
        List<String> all = new ArrayList<>(Arrays.asList(SMALL.split("\n", -1)));
        all.remove(number - 1);
        all.addAll(number - 1, Arrays.asList(lines));
        return String.join("\n", all);
    }
}

package io.flowbill.pricing;

/**
 * Named price plan fixtures for {@link PriceBooks#SMALL} (whose version v2 prices all of November 2026, 720 hours
 * in Shanghai); line numbers matter to the loader tests (acme-1 starts on line 2, its prices on lines 4-7).
 */
final class PricePlans {

    /**
     * One version from 2026-11-01: spec 20 on demand at 0.150 instead of 0.200 and outbound traffic at 0.60 instead
     * of 0.79; 10 % off bandwidth, 5 % off the whole bill; a commitment of 100.00 a month.
     */
    static final String ACME = """
            versions:
              - name: acme-1
                effective-from: 2026-11-01T00:00:00+08:00
                prices:
                  specs:
                    "20": {on-demand-per-hour: 0.150}
                  traffic-out-per-gb: 0.60
                item-discount-percent: {bandwidth: 10}
                bill-discount-percent: 5
                commitment-per-month: 100.00
            """;

    /**
     * {@link #ACME} and a second version from 2026-11-16 00:00 (the month's second half, 360 of 720 hours): spec 20
     * at 0.120, 20 % off bandwidth, no bill discount, a commitment of 600.00 a month.
     */
    static final String ACME_MID_MONTH = ACME + """
              - name: acme-2
                effective-from: 2026-11-16T00:00:00+08:00
                prices:
                  specs:
                    "20": {on-demand-per-hour: 0.120}
                item-discount-percent: {bandwidth: 20}
                commitment-per-month: 600.00
            """;

    private PricePlans() {
    }

    static PlannedBook planned(String plan) {
        PriceBook book = PriceBooks.parse(PriceBooks.SMALL);
        return PlannedBook.of(book, PricePlanLoader.parse(plan, "plan.yaml", book));
    }

    /** A plan of one version with only the given lines below its name and effective-from (2026-11-01). */
    static PlannedBook oneVersion(String... lines) {
        StringBuilder yaml = new StringBuilder("""
                versions:
                  - name: p
                    effective-from: 2026-11-01T00:00:00+08:00
                """);
        for (String line : lines) {
            yaml.append("    ").append(line).append('\n');
        }
        return planned(yaml.toString());
    }
}

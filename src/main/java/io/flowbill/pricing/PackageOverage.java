package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The month-level package overage lines: outbound GB above the allowance, the allowance accrued hour by hour with
 * each hour's price version and so prorated for part months (docs/billing-rules.md, Package overage: "traffic above the allowance at 0.79 per GB;
 * the allowance is prorated for part months").
 */
public final class PackageOverage {

    private final PriceBook book;

    public PackageOverage(PriceBook book) {
        this.book = book;
    }

    /**
     * The overage of a package month, one line per price version with a part, dated the month's last day; empty
     * within the allowance. Rule: each billable package hour h (in hours) of version v brings an allowance of
     * package-traffic-gb(v) x h / hours in the month, and its outbound MB count as MB / mb-per-gb(v) GB. A version's
     * excess is its hours' outbound GB minus their allowance; versions in a row with the same package-overage-per-gb
     * add their excesses into one part, named after the latest of them. Allowance that parts leave unused covers
     * the other parts' excess, the earliest first; what remains of each part's excess is priced at its
     * package-overage-per-gb. So the lines add up to max(0, outbound GB - allowance GB) of the month.
     *
     * @throws IllegalArgumentException when the month has more package seconds than seconds, or a version is
     *                                  not in the book
     */
    public List<ChargeLine> rate(PackageMonth month) {
        BillingZone zone = book.zone();
        BigDecimal monthSeconds = BigDecimal.valueOf(zone.secondsIn(month.month()));
        if (month.packageSeconds() > zone.secondsIn(month.month())) {
            throw new IllegalArgumentException(month.packageSeconds() + " package seconds exceed the month "
                    + month.month() + " of container " + month.containerId());
        }
        List<Part> parts = new ArrayList<>();
        for (PackageMonth.Usage usage : month.usage()) {
            parts.add(new Part(book.version(usage.priceVersion()), usage));
        }
        parts.sort(Comparator.comparing(part -> part.version.effectiveFrom()));
        // every excess is a fraction over one denominator: monthSeconds x the product of the parts' mb-per-gb
        BigDecimal allMbPerGb = BigDecimal.ONE;
        for (Part part : parts) {
            allMbPerGb = allMbPerGb.multiply(part.version.mbPerGb());
        }
        for (Part part : parts) {
            BigDecimal otherMbPerGb = BigDecimal.ONE;
            for (Part other : parts) {
                otherMbPerGb = other == part ? otherMbPerGb : otherMbPerGb.multiply(other.version.mbPerGb());
            }
            part.excess = part.excess(month.specId(), monthSeconds, otherMbPerGb);
        }
        List<Part> alike = alikeInARow(parts);
        BigDecimal unused = BigDecimal.ZERO;
        for (Part part : alike) {
            unused = unused.add(part.excess.signum() < 0 ? part.excess.negate() : BigDecimal.ZERO);
        }
        BigDecimal denominator = monthSeconds.multiply(allMbPerGb);
        LocalDate lastDay = month.month().atEndOfMonth();
        List<ChargeLine> lines = new ArrayList<>();
        for (Part part : alike) {
            if (part.excess.signum() <= 0) {
                continue;
            }
            BigDecimal covered = part.excess.min(unused);
            unused = unused.subtract(covered);
            BigDecimal remaining = part.excess.subtract(covered);
            if (remaining.signum() > 0) {
                LineKey key = new LineKey(month.tenant(), lastDay, month.containerId(), ChargeType.PACKAGE,
                        month.specId(), ChargeItem.PACKAGE_OVERAGE, null, part.version.name());
                lines.add(key.toLine(Rounding.quantity(remaining, denominator),
                        part.version.packageOveragePerGb(), book.currency()));
            }
        }
        return lines;
    }

    /**
     * Versions in a row with the same package-overage-per-gb are one part, named after the latest of them: a
     * version that changed other prices does not split the overage line (their allowances net first).
     */
    private static List<Part> alikeInARow(List<Part> parts) {
        List<Part> merged = new ArrayList<>();
        for (Part part : parts) {
            Part last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.version.packageOveragePerGb().compareTo(part.version.packageOveragePerGb()) == 0) {
                Part both = new Part(part.version, part.usage);
                both.excess = last.excess.add(part.excess);
                merged.set(merged.size() - 1, both);
            } else {
                merged.add(part);
            }
        }
        return merged;
    }

    /** One version's usage of the month and its excess over its own allowance (negative: allowance unused). */
    private static final class Part {

        private final PriceVersion version;
        private final PackageMonth.Usage usage;
        private BigDecimal excess;

        Part(PriceVersion version, PackageMonth.Usage usage) {
            this.version = version;
            this.usage = usage;
        }

        /**
         * outbound MB / mb-per-gb - allowance GB x package seconds / month seconds, in GB, times monthSeconds x
         * the product of every part's mb-per-gb, so that it stays exact: (outMB x monthSeconds - allowanceGB x
         * mbPerGb x packageSeconds) x the other parts' mb-per-gb.
         */
        BigDecimal excess(int specId, BigDecimal monthSeconds, BigDecimal otherMbPerGb) {
            BigDecimal allowance = version.spec(specId).packageTrafficGb().multiply(version.mbPerGb())
                    .multiply(BigDecimal.valueOf(usage.packageSeconds()));
            return usage.outboundMb().multiply(monthSeconds).subtract(allowance).multiply(otherMbPerGb);
        }
    }
}

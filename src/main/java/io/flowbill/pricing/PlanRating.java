package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The month-level lines of a price plan for one tenant's month, in this order (docs/billing-rules.md, "Price plans"):
 * <ol>
 * <li>negotiated prices are already in the charge lines ({@link PlannedBook});</li>
 * <li>item discounts: per plan version and discounted item, one {@code discount} line, quantity = the amounts of
 * that item's lines priced under the plan version, unit price = -percent / 100;</li>
 * <li>the whole-bill discount: per plan version, one {@code discount} line of unit {@code bill}, quantity = the
 * amounts of all lines priced under it less its item discounts;</li>
 * <li>the commitment: each hour of the month brings commitment-per-month x 1 / (hours in the month) of the plan
 * version in effect at its start; when the month's charges less its discounts fall below the month's commitment,
 * one {@code commitment_shortfall} line of 1 month at the difference.</li>
 * </ol>
 * A line priced by a book version without a plan version counts toward the commitment and is discounted by none.
 */
public final class PlanRating {

    private static final String BILL = "bill";
    private static final String MONTH = "month";
    private static final long SECONDS_PER_HOUR = 3600;

    private final PlannedBook planned;

    public PlanRating(PlannedBook planned) {
        this.planned = planned;
    }

    /** Whether the plan can make any line at all: a plan with at least one version. */
    public boolean active() {
        return !planned.plan().versions().isEmpty();
    }

    /**
     * The plan's lines of a tenant's month from the amounts of its charge lines (daily and package overage).
     *
     * @param charges the month's amounts per price version and item, in any grouping
     */
    public List<PlanLine> rate(String tenant, YearMonth month, Collection<Charged> charges) {
        if (!active()) {
            return List.of();
        }
        Currency currency = planned.book().currency();
        Map<PlanVersion, Map<ChargeItem, BigDecimal>> byPlan = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Charged charged : charges) {
            total = total.add(charged.amount());
            planned.planOf(charged.priceVersion()).ifPresent(plan -> byPlan
                    .computeIfAbsent(plan, p -> new EnumMap<>(ChargeItem.class))
                    .merge(charged.item(), charged.amount(), BigDecimal::add));
        }
        List<PlanLine> lines = new ArrayList<>();
        for (PlanVersion plan : planned.plan().versions()) {
            Map<ChargeItem, BigDecimal> items = byPlan.get(plan);
            if (items == null) {
                continue;
            }
            BigDecimal billBase = items.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            for (Map.Entry<ChargeItem, BigDecimal> discount : plan.itemDiscountPercent().entrySet()) {
                BigDecimal base = items.getOrDefault(discount.getKey(), BigDecimal.ZERO);
                if (base.signum() > 0) {
                    PlanLine line = PlanLine.of(tenant, month, PlanLine.DISCOUNT, discount.getKey().code(), base,
                            PlanVersion.rate(discount.getValue()).negate(), currency, plan.name());
                    lines.add(line);
                    billBase = billBase.add(line.amount());
                }
            }
            if (plan.billDiscountPercent().signum() > 0 && billBase.signum() > 0) {
                lines.add(PlanLine.of(tenant, month, PlanLine.DISCOUNT, BILL, billBase,
                        PlanVersion.rate(plan.billDiscountPercent()).negate(), currency, plan.name()));
            }
        }
        for (PlanLine discount : lines) {
            total = total.add(discount.amount());
        }
        shortfall(tenant, month, total, currency).ifPresent(lines::add);
        return lines;
    }

    private Optional<PlanLine> shortfall(String tenant, YearMonth month, BigDecimal total,
            Currency currency) {
        BillingZone zone = planned.book().zone();
        Map<PlanVersion, Long> hours = new LinkedHashMap<>();
        long monthHours = 0;
        Instant end = zone.startOf(month.plusMonths(1));
        for (Instant hour = zone.startOf(month); hour.isBefore(end); hour = hour.plusSeconds(SECONDS_PER_HOUR)) {
            planned.plan().versionAt(hour).ifPresent(plan -> hours.merge(plan, 1L, Long::sum));
            monthHours++;
        }
        BigDecimal commitment = BigDecimal.ZERO;
        PlanVersion committing = null;
        for (Map.Entry<PlanVersion, Long> part : hours.entrySet()) {
            BigDecimal perMonth = part.getKey().commitmentPerMonth();
            if (perMonth.signum() > 0) {
                BigDecimal share = Rounding.quantity(BigDecimal.valueOf(part.getValue()), BigDecimal.valueOf(monthHours));
                commitment = commitment.add(Rounding.amount(share, perMonth, currency));
                committing = part.getKey();
            }
        }
        if (committing == null || commitment.compareTo(total) <= 0) {
            return Optional.empty();
        }
        return Optional.of(PlanLine.of(tenant, month, PlanLine.COMMITMENT_SHORTFALL, MONTH, BigDecimal.ONE,
                commitment.subtract(total), currency, committing.name()));
    }

    /**
     * An amount charged in the month by lines of one price version and item.
     *
     * @param priceVersion the version name on the lines (a planned name such as {@code v2+acme-1})
     * @param item the lines' item
     * @param amount their amounts, added
     */
    public record Charged(String priceVersion, ChargeItem item, BigDecimal amount) {

        public Charged {
            Require.nonBlank(priceVersion, "priceVersion");
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(amount, "amount");
        }
    }
}

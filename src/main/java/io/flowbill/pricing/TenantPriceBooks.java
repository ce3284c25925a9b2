package io.flowbill.pricing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The price book as each tenant's plan prices it: one configured book, and per tenant the plan of its account
 * (loaded and validated once per plan location when the application starts). Every tenant shares the book's
 * currency and billing zone.
 */
public final class TenantPriceBooks {

    private final PriceBook book;
    private final Map<String, PlannedBook> byTenant;

    private TenantPriceBooks(PriceBook book, Map<String, PlannedBook> byTenant) {
        this.book = book;
        this.byTenant = Map.copyOf(byTenant);
    }

    /**
     * Loads {@code bookLocation} and each tenant's plan ({@code null}: none).
     *
     * @param plans tenant to plan location, in the order the tenants are configured
     */
    public static TenantPriceBooks load(String bookLocation, Map<String, String> plans) {
        PriceBook book = PriceBookLoader.load(bookLocation);
        Map<String, PlannedBook> loaded = new HashMap<>();
        Map<String, PlannedBook> byTenant = new LinkedHashMap<>();
        plans.forEach((tenant, plan) -> byTenant.put(tenant, plan == null ? PlannedBook.of(book, PricePlan.NONE)
                : loaded.computeIfAbsent(plan, location -> PlannedBook.of(book, PricePlanLoader.load(location, book)))));
        return new TenantPriceBooks(book, byTenant);
    }

    /** The configured book, without any plan: its currency and zone are every tenant's. */
    public PriceBook book() {
        return book;
    }

    /** {@code tenant}'s book with its plan applied. */
    public PlannedBook of(String tenant) {
        PlannedBook planned = byTenant.get(tenant);
        if (planned == null) {
            throw new IllegalArgumentException("tenant '" + tenant + "' has no account, so no price plan; configured: "
                    + String.join(", ", byTenant.keySet()));
        }
        return planned;
    }
}

package io.flowbill.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.flowbill.containerapi.ContainerApiProperties;

/**
 * The accounts this process bills, in configuration order: {@code flowbill.accounts}, or the single account of the
 * {@code flowbill.api.*} keys and {@code flowbill.metering.tenant}, or the demo's. Tenant ids are unique.
 */
public final class Accounts {

    private final Map<String, Account> byTenant = new LinkedHashMap<>();
    private final int inParallel;

    public Accounts(List<Account> accounts) {
        this(accounts, 1);
    }

    public Accounts(List<Account> accounts, int inParallel) {
        this.inParallel = inParallel;
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("no account is configured");
        }
        for (Account account : accounts) {
            if (byTenant.putIfAbsent(account.tenant(), account) != null) {
                throw new IllegalArgumentException("tenant '" + account.tenant() + "' is configured twice in flowbill.accounts");
            }
        }
    }

    /**
     * The accounts these settings configure ({@code flowbill.accounts}, or the single account of
     * {@code flowbill.api.*} and {@code singleTenant}); secret files are read.
     *
     * @throws io.flowbill.system.ConfigurationRefused naming the entry and key of a mistake
     */
    public static Accounts configured(AccountsProperties configured, ContainerApiProperties api, String singleTenant,
            String defaultPlan) {
        return AccountsFactory.of(configured, api, singleTenant, defaultPlan);
    }

    public List<Account> all() {
        return List.copyOf(byTenant.values());
    }

    public List<String> tenants() {
        return List.copyOf(byTenant.keySet());
    }

    /** The account of {@code tenant}; an unknown tenant is refused with the configured ones. */
    public Account get(String tenant) {
        Account account = byTenant.get(tenant);
        if (account == null) {
            throw new UnknownTenantException(tenant, tenants());
        }
        return account;
    }

    /** How many accounts a command works on at once ({@code flowbill.accounts-in-parallel}). */
    public int inParallel() {
        return inParallel;
    }

    /** Every account when {@code tenant} is null, else that one account (refused when unknown). */
    public List<Account> select(String tenant) {
        return tenant == null ? all() : List.of(get(tenant));
    }
}

package io.flowbill.accounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flowbill.containerapi.ContainerApiProperties;
import io.flowbill.system.ConfigurationRefused;

/**
 * Turns the configuration into {@link Accounts}: the {@code flowbill.accounts} list, each entry on top of the
 * {@code flowbill.api.*} defaults, or, when the list is empty, the single account those keys describe (the keys of
 * earlier versions keep working). Every mistake is refused with the entry and the key to fix.
 */
final class AccountsFactory {

    private AccountsFactory() {
    }

    /** The accounts; a mistake in them is a {@link ConfigurationRefused} naming the entry and key (exit 2). */
    static Accounts of(AccountsProperties configured, ContainerApiProperties api, String singleTenant, String defaultPlan) {
        try {
            return build(configured, api, singleTenant, defaultPlan);
        }
        catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigurationRefused(e.getMessage(), e);
        }
    }

    private static Accounts build(AccountsProperties configured, ContainerApiProperties api, String singleTenant,
            String defaultPlan) {
        if (configured.accounts().isEmpty()) {
            if (!api.hasCredentials()) {
                throw new IllegalStateException("flowbill.api.base-url is " + api.baseUrl()
                        + " but no credentials are configured: set FLOWBILL_API_TOKEN, FLOWBILL_API_TOKEN_FILE,"
                        + " or FLOWBILL_API_APP_KEY with FLOWBILL_API_APP_SECRET");
            }
            return new Accounts(List.of(new Account(singleTenant, api, defaultPlan)), 1);
        }
        Map<String, TenantEntries> tenants = new LinkedHashMap<>();
        for (int i = 0; i < configured.accounts().size(); i++) {
            AccountsProperties.Entry entry = configured.accounts().get(i);
            Account account = account(i, entry, api, defaultPlan);
            TenantEntries earlier = tenants.get(account.tenant());
            if (earlier == null) {
                tenants.put(account.tenant(), new TenantEntries(account, entry, i));
            }
            else {
                earlier.add(account, entry, i);
            }
        }
        return new Accounts(tenants.values().stream().map(TenantEntries::account).toList(),
                configured.accountsInParallel());
    }

    /**
     * The entries of one tenant so far. A later entry adds an API account; it is refused when it is an account the
     * tenant has already (the same name, or the same base URL and credentials file) or names another plan.
     */
    private static final class TenantEntries {

        private final List<ApiAccount> apis = new ArrayList<>();
        private final List<AccountsProperties.Entry> entries = new ArrayList<>();
        private final List<Integer> indexes = new ArrayList<>();
        private final String tenant;
        private final String plan;

        TenantEntries(Account first, AccountsProperties.Entry entry, int index) {
            this.tenant = first.tenant();
            this.plan = first.plan();
            apis.add(first.apis().get(0));
            entries.add(entry);
            indexes.add(index);
        }

        void add(Account next, AccountsProperties.Entry entry, int index) {
            String where = "flowbill.accounts[" + index + "] (tenant " + tenant + ")";
            ApiAccount api = next.apis().get(0);
            for (int j = 0; j < apis.size(); j++) {
                String other = "flowbill.accounts[" + indexes.get(j) + "]";
                if (apis.get(j).name().equals(api.name())) {
                    throw new IllegalArgumentException(where + ": account '" + api.name() + "' is configured already in "
                            + other + "; give each of a tenant's accounts its own name (account: ...)");
                }
                if (sameAccount(entries.get(j), entry)) {
                    throw new IllegalArgumentException(where + ": the same account as " + other + " (base-url "
                            + entry.baseUrl() + " with the same credentials file); a tenant's accounts are billed once each");
                }
            }
            if (entry.plan() != null && !entry.plan().isBlank() && !Objects.equals(next.plan(), plan)) {
                throw new IllegalArgumentException(where + ": plan " + next.plan() + " differs from "
                        + (plan == null ? "none" : plan) + " of flowbill.accounts[" + indexes.get(0)
                        + "]; a tenant has one plan (set it on its first entry)");
            }
            apis.add(api);
            entries.add(entry);
            indexes.add(index);
        }

        Account account() {
            return new Account(tenant, apis, plan);
        }

        private static boolean sameAccount(AccountsProperties.Entry a, AccountsProperties.Entry b) {
            return a.baseUrl().equals(b.baseUrl()) && Objects.equals(a.tokenFile(), b.tokenFile())
                    && Objects.equals(a.appKeyFile(), b.appKeyFile());
        }
    }

    private static Account account(int index, AccountsProperties.Entry entry, ContainerApiProperties defaults,
            String defaultPlan) {
        String where = "flowbill.accounts[" + index + "]";
        if (entry.tenant() == null || entry.tenant().isBlank()) {
            throw new IllegalArgumentException(where + ".tenant is not set; give every account a stable tenant id");
        }
        where += " (tenant " + entry.tenant() + ")";
        if (entry.baseUrl() == null) {
            throw new IllegalArgumentException(where + ": base-url is not set; give the account's API address");
        }
        boolean token = entry.tokenFile() != null;
        boolean app = entry.appKeyFile() != null || entry.appSecretFile() != null;
        if (token == app) {
            throw new IllegalArgumentException(where + ": set token-file, or app-key-file with app-secret-file"
                    + " (secrets are read from files, never written in the configuration)");
        }
        ContainerApiProperties api = defaults.withBaseUrl(entry.baseUrl()).withLimits(
                Objects.requireNonNullElse(entry.maxConcurrency(), defaults.maxConcurrency()),
                Objects.requireNonNullElse(entry.requestsPerSecond(), defaults.requestsPerSecond()));
        if (token) {
            read(where, "token-file", entry.tokenFile()); // refused now when unreadable or empty; read again on use
            api = api.withTokenFile(entry.tokenFile());
        }
        else {
            if (entry.appKeyFile() == null || entry.appSecretFile() == null) {
                throw new IllegalArgumentException(where + ": app-key-file and app-secret-file go together");
            }
            api = api.withAppCredentials(read(where, "app-key-file", entry.appKeyFile()),
                    read(where, "app-secret-file", entry.appSecretFile()));
        }
        String plan = entry.plan() == null || entry.plan().isBlank() ? defaultPlan : entry.plan();
        String name = entry.account() == null || entry.account().isBlank() ? entry.tenant() : entry.account().strip();
        try {
            Account account = new Account(entry.tenant(), api, plan);
            return name.equals(entry.tenant()) ? account : new Account(entry.tenant(), List.of(new ApiAccount(name, api)), plan);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Path readable(String where, String key, Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(where + ": " + key + " " + file + " cannot be read");
        }
        return file;
    }

    private static String read(String where, String key, Path file) {
        try {
            String value = Files.readString(readable(where, key, file)).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(where + ": " + key + " " + file + " is empty");
            }
            return value;
        }
        catch (IOException e) {
            throw new IllegalArgumentException(where + ": " + key + " " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}

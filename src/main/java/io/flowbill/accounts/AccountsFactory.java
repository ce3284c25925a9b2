package io.flowbill.accounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < configured.accounts().size(); i++) {
            accounts.add(account(i, configured.accounts().get(i), api, defaultPlan));
        }
        return new Accounts(accounts, configured.accountsInParallel());
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
        try {
            return new Account(entry.tenant(), api, plan);
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

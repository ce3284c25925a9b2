package io.flowbill.accounts;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code flowbill.accounts}: the API accounts billed by this process, one tenant each. Empty: the single account
 * of {@code flowbill.api.*} and {@code flowbill.metering.tenant} (docs/configuration.md, "Accounts").
 * {@code flowbill.accounts-in-parallel} (default 4): how many accounts a command works on at once.
 */
@ConfigurationProperties("flowbill")
public record AccountsProperties(List<Entry> accounts, Integer accountsInParallel) {

    public AccountsProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        accountsInParallel = accountsInParallel == null ? 4 : accountsInParallel;
        if (accountsInParallel < 1) {
            throw new IllegalArgumentException("flowbill.accounts-in-parallel must be at least 1: " + accountsInParallel);
        }
    }

    /**
     * One account. Secrets only by file: {@code token-file} (read again after a 401), or {@code app-key-file} with
     * {@code app-secret-file}. Unset limits take {@code flowbill.api.requests-per-second} and
     * {@code flowbill.api.max-concurrency}; the client's other settings (timeouts, retries, flow time unit) are
     * {@code flowbill.api.*}'s.
     *
     * @param plan where the account's price plan is; unset: {@code flowbill.pricing.plan} (or none)
     */
    public record Entry(String tenant, URI baseUrl, Path tokenFile, Path appKeyFile, Path appSecretFile,
            Integer requestsPerSecond, Integer maxConcurrency, String plan) {
    }
}

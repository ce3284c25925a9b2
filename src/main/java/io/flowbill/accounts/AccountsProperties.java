package io.flowbill.accounts;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code flowbill.accounts}: the API accounts billed by this process, each for a tenant (a tenant may span several). Empty: the single account
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
     * Several entries with the same tenant are one tenant over several API accounts (docs/configuration.md,
     * "A tenant over several accounts"): each is metered with its own client and limits, and the tenant is billed once.
     *
     * @param plan    where the account's price plan is; unset: {@code flowbill.pricing.plan} (or none); the entries of
     *                one tenant name the same plan, or only the first does
     * @param account the account's name within its tenant, kept with each container it lists; unset: the tenant id.
     *                Unique within a tenant
     */
    public record Entry(String tenant, URI baseUrl, Path tokenFile, Path appKeyFile, Path appSecretFile,
            Integer requestsPerSecond, Integer maxConcurrency, String plan, String account) {
    }
}

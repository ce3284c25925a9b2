package io.flowbill.accounts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.flowbill.containerapi.ContainerApiClient;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One container API client per account, made when first needed and closed with the application: each has its
 * account's credentials, rate limit and concurrency, so one account's limit or failure never touches another's.
 */
public final class AccountClients implements AutoCloseable {

    private final Accounts accounts;
    private final MeterRegistry registry;
    private final Map<String, ContainerApiClient> clients = new ConcurrentHashMap<>();

    public AccountClients(Accounts accounts, MeterRegistry registry) {
        this.accounts = accounts;
        this.registry = registry;
    }

    /** The client of {@code tenant}'s account (an unknown tenant is refused). */
    public ContainerApiClient of(String tenant) {
        Account account = accounts.get(tenant);
        return clients.computeIfAbsent(account.tenant(), t -> ContainerApiClient.ofTenant(account.api(), registry, t));
    }

    /**
     * A client of its own for one partition run in a worker process, with a share of the account's limits
     * ({@code requestsPerSecond}, {@code maxConcurrency}): several workers each running a partition of the same account
     * together stay within the account's limits. The caller closes it.
     */
    public ContainerApiClient forPartition(String tenant, int requestsPerSecond, int maxConcurrency) {
        Account account = accounts.get(tenant);
        return ContainerApiClient.ofTenant(account.api().withLimits(maxConcurrency, requestsPerSecond), registry,
                account.tenant());
    }

    public Accounts accounts() {
        return accounts;
    }

    @Override
    public void close() {
        clients.values().forEach(ContainerApiClient::close);
        clients.clear();
    }
}

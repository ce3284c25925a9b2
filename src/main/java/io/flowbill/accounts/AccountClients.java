package io.flowbill.accounts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.flowbill.containerapi.ContainerApiClient;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One container API client per API account, made when first needed and closed with the application: each has its
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

    /** The client of {@code tenant}'s first API account (an unknown tenant is refused). */
    public ContainerApiClient of(String tenant) {
        return of(tenant, accounts.get(tenant).apis().get(0).name());
    }

    /** The client of {@code tenant}'s API account {@code name} (an unknown tenant or account is refused). */
    public ContainerApiClient of(String tenant, String name) {
        ApiAccount api = accounts.get(tenant).api(name);
        return clients.computeIfAbsent(tenant + "/" + api.name(),
                key -> ContainerApiClient.ofTenant(api.api(), registry, tenant));
    }

    /**
     * A client of its own for one partition run in a worker process, with a share of the account's limits
     * ({@code requestsPerSecond}, {@code maxConcurrency}): several workers each running a partition of the same account
     * together stay within the account's limits. The caller closes it.
     */
    public ContainerApiClient forPartition(String tenant, String name, int requestsPerSecond, int maxConcurrency) {
        ApiAccount api = accounts.get(tenant).api(name);
        return ContainerApiClient.ofTenant(api.api().withLimits(maxConcurrency, requestsPerSecond), registry, tenant);
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

package io.flowbill.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.flowbill.sandbox.SandboxClock;
import io.flowbill.sandbox.SandboxConfig;
import io.flowbill.sandbox.SandboxServer;

/**
 * Three API accounts of different sizes, prices and plans, each on its own in-process sandbox with its own static
 * token, the way {@code flowbill.accounts} names them: {@code acme} (40 containers, negotiated unit prices),
 * {@code globex} (120, 10 % off compute and 5 % off the whole bill) and {@code initech} (300, a monthly minimum
 * commitment of 100,000.00 that one day cannot reach: a {@code commitment_shortfall} line). Each token is in a file
 * of mode 0600 in a temporary folder, never in the configuration. The sandboxes stand still at {@link #NOW}, the
 * morning after {@link #DAY}, with the fleets created over the months before it, so every run of the same day sees
 * the same fleets and the same flows.
 *
 * <p>{@link #properties()} gives {@code flowbill.accounts[i].*} for a Spring test, {@link #environment()} the same as
 * variables for the real jar ({@code FLOWBILL_ACCOUNTS_0_TENANT}, ...). The database is the caller's: each run to
 * compare takes a fresh one ({@code TestDatabase.fresh()}).
 */
public final class ThreeTenants implements AutoCloseable {

    /** The billed day, and the sandboxes' instant: 02:00 UTC the next day (10:00 in the billing zone). */
    public static final LocalDate DAY = LocalDate.parse("2026-11-20");
    public static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    /** One account: its tenant id, fleet, client limits and plan. */
    public record Tenant(String tenant, int containers, long seed, String plan) {
    }

    public static final List<Tenant> TENANTS = List.of(
            new Tenant("acme", 40, 11, """
                    # negotiated unit prices: spec 10 and 20 by the hour, outbound traffic by the GB
                    versions:
                      - name: acme-2026
                        effective-from: 2026-01-01T00:00:00+08:00
                        prices:
                          specs:
                            "10": {on-demand-per-hour: 0.050}
                            "20": {on-demand-per-hour: 0.150}
                          traffic-out-per-gb: 0.60
                    """),
            new Tenant("globex", 120, 12, """
                    # 10 % off compute, then 5 % off the whole bill
                    versions:
                      - name: globex-2026
                        effective-from: 2026-01-01T00:00:00+08:00
                        item-discount-percent: {compute: 10}
                        bill-discount-percent: 5
                    """),
            new Tenant("initech", 300, 13, """
                    # a monthly minimum commitment far above one day's charges: a commitment_shortfall line
                    versions:
                      - name: initech-2026
                        effective-from: 2026-01-01T00:00:00+08:00
                        commitment-per-month: 100000.00
                    """));

    private final Path folder;
    private final Map<String, SandboxServer> sandboxes = new LinkedHashMap<>();
    private final Map<String, Path> tokenFiles = new LinkedHashMap<>();
    private final Map<String, Path> plans = new LinkedHashMap<>();
    private final int clientRequestsPerSecond;
    private final int maxConcurrency;

    private ThreeTenants(int accountLimit, int clientRequestsPerSecond, int maxConcurrency) throws IOException {
        this.clientRequestsPerSecond = clientRequestsPerSecond;
        this.maxConcurrency = maxConcurrency;
        this.folder = Files.createTempDirectory("flowbill-three-tenants");
        try {
            for (Tenant tenant : TENANTS) {
                String token = tenant.tenant() + "-" + UUID.randomUUID();
                sandboxes.put(tenant.tenant(), SandboxServer.start(SandboxConfig.defaults()
                        .withContainers(tenant.containers()).withSeed(tenant.seed()).withThreads(32)
                        .withClock(SandboxClock.fixed(NOW)).withFleetAnchor(NOW).withStaticToken(token)
                        .withRequestsPerSecond(accountLimit)));
                tokenFiles.put(tenant.tenant(), secretFile(tenant.tenant() + ".token", token));
                plans.put(tenant.tenant(), Files.writeString(folder.resolve(tenant.tenant() + "-plan.yaml"),
                        tenant.plan()));
            }
        }
        catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts the three sandboxes. {@code accountLimit}: each account's request limit at the sandbox (0: none);
     * {@code clientRequestsPerSecond} and {@code maxConcurrency}: each account's client settings
     * ({@code flowbill.accounts[i].requests-per-second}, {@code max-concurrency}). Keep the client's rate, times the
     * processes that may call one account at once, under the account's limit, or the overflow is refused and
     * retried (and, after the retries, billed later as pending traffic: a different bill).
     */
    public static ThreeTenants start(int accountLimit, int clientRequestsPerSecond, int maxConcurrency)
            throws IOException {
        return new ThreeTenants(accountLimit, clientRequestsPerSecond, maxConcurrency);
    }

    /** No limit at the sandboxes, 0 (no limit) at the clients, 8 requests in flight. */
    public static ThreeTenants start() throws IOException {
        return start(0, 0, 8);
    }

    public List<String> tenants() {
        return List.copyOf(sandboxes.keySet());
    }

    public SandboxServer sandbox(String tenant) {
        return sandboxes.get(tenant);
    }

    public Path tokenFile(String tenant) {
        return tokenFiles.get(tenant);
    }

    public Path plan(String tenant) {
        return plans.get(tenant);
    }

    /** The folder of the token and plan files. */
    public Path folder() {
        return folder;
    }

    /** {@code flowbill.accounts[i].tenant|base-url|token-file|requests-per-second|max-concurrency|plan}. */
    public Map<String, String> properties() {
        return properties(Map.of());
    }

    /** As {@link #properties()}, with the token files of some tenants replaced (a wrong token, a missing file). */
    public Map<String, String> properties(Map<String, Path> tokenFileOverrides) {
        return properties(tokenFileOverrides, clientRequestsPerSecond);
    }

    /** As {@link #properties(Map)}, every account's client at {@code requestsPerSecond} (0: no client limit). */
    public Map<String, String> properties(Map<String, Path> tokenFileOverrides, int requestsPerSecond) {
        Map<String, String> properties = new LinkedHashMap<>();
        int i = 0;
        for (String tenant : sandboxes.keySet()) {
            String key = "flowbill.accounts[" + i++ + "].";
            properties.put(key + "tenant", tenant);
            properties.put(key + "base-url", sandboxes.get(tenant).baseUrl().toString());
            properties.put(key + "token-file",
                    tokenFileOverrides.getOrDefault(tenant, tokenFiles.get(tenant)).toString());
            properties.put(key + "requests-per-second", String.valueOf(requestsPerSecond));
            properties.put(key + "max-concurrency", String.valueOf(maxConcurrency));
            properties.put(key + "plan", "file:" + plans.get(tenant));
        }
        return properties;
    }

    /** {@link #properties()} as environment variables of the jar: {@code FLOWBILL_ACCOUNTS_0_BASEURL}, ... */
    public Map<String, String> environment() {
        return environment(Map.of());
    }

    public Map<String, String> environment(Map<String, Path> tokenFileOverrides) {
        return environment(tokenFileOverrides, clientRequestsPerSecond);
    }

    public Map<String, String> environment(Map<String, Path> tokenFileOverrides, int requestsPerSecond) {
        Map<String, String> variables = new LinkedHashMap<>();
        properties(tokenFileOverrides, requestsPerSecond).forEach((key, value) -> variables.put(variable(key), value));
        return variables;
    }

    /** Spring's relaxed name of a property as a variable: {@code flowbill.accounts[0].base-url} -> {@code
     * FLOWBILL_ACCOUNTS_0_BASEURL}. */
    static String variable(String property) {
        return property.replace("[", "_").replace("]", "").replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** A token file (0600) holding a token no sandbox accepts. */
    public Path wrongTokenFile(String tenant) throws IOException {
        return secretFile(tenant + "-wrong.token", "wrong-" + UUID.randomUUID());
    }

    private Path secretFile(String name, String secret) throws IOException {
        Path file = folder.resolve(name);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, secret + "\n");
    }

    @Override
    public void close() {
        sandboxes.values().forEach(SandboxServer::close);
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> deepestFirst = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path file : deepestFirst) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + folder, e);
        }
    }
}

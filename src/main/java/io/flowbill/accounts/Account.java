package io.flowbill.accounts;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.flowbill.containerapi.ContainerApiProperties;

/**
 * One tenant billed: its stable id, the API accounts of the cloud its containers are in (usually one; a tenant
 * larger than one account's request limit spans several, each metered with its own client and limits, and billed as
 * one) and the price plan negotiated for it (blank: the book's prices alone).
 *
 * @param tenant the id used in tables, files and metrics: letters, digits, {@code .}, {@code _} and {@code -}, at
 *               most 64 characters
 * @param apis   the tenant's API accounts in configuration order, at least one, names unique
 * @param plan   where the tenant's price plan is ({@code classpath:}, {@code file:} or a path), or null for none
 */
public record Account(String tenant, List<ApiAccount> apis, String plan) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Account {
        valid(tenant);
        apis = List.copyOf(Objects.requireNonNull(apis, "apis"));
        if (apis.isEmpty()) {
            throw new IllegalArgumentException("tenant '" + tenant + "' has no API account");
        }
        if (new HashSet<>(apis.stream().map(ApiAccount::name).toList()).size() != apis.size()) {
            throw new IllegalArgumentException("tenant '" + tenant + "' names an API account twice");
        }
        plan = plan == null || plan.isBlank() ? null : plan.strip();
    }

    /** A tenant of one API account, named like the tenant. */
    public Account(String tenant, ContainerApiProperties api, String plan) {
        this(tenant, List.of(new ApiAccount(valid(tenant), api)), plan);
    }

    private static String valid(String tenant) {
        if (tenant == null || !ID.matcher(tenant).matches()) {
            throw new IllegalArgumentException("tenant '" + tenant + "' is not a tenant id: use 1 to 64 letters, digits,"
                    + " '.', '_' or '-', starting with a letter or digit");
        }
        return tenant;
    }

    /** The client settings of the tenant's first API account (its only one, for most tenants). */
    public ContainerApiProperties api() {
        return apis.get(0).api();
    }

    /** The API account {@code name} of this tenant. */
    public ApiAccount api(String name) {
        return apis.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("tenant '" + tenant + "' has no API account '" + name + "'"));
    }
}

package io.flowbill.accounts;

import java.util.Objects;
import java.util.regex.Pattern;

import io.flowbill.containerapi.ContainerApiProperties;

/**
 * One API account of the cloud, billed as one tenant: its stable id, the client settings it is reached with (base
 * URL, credentials, its own rate limit and concurrency) and the price plan negotiated for it (blank: the book's
 * prices alone).
 *
 * @param tenant the id used in tables, files and metrics: letters, digits, {@code .}, {@code _} and {@code -}, at
 *               most 64 characters
 * @param api    the client settings of this account (secrets are masked by its {@code toString})
 * @param plan   where the account's price plan is ({@code classpath:}, {@code file:} or a path), or null for none
 */
public record Account(String tenant, ContainerApiProperties api, String plan) {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Account {
        Objects.requireNonNull(api, "api");
        if (tenant == null || !TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("tenant '" + tenant + "' is not a tenant id: use 1 to 64 letters, digits,"
                    + " '.', '_' or '-', starting with a letter or digit");
        }
        plan = plan == null || plan.isBlank() ? null : plan.strip();
    }
}

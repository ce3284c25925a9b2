package io.flowbill.accounts;

import java.util.Objects;

import io.flowbill.containerapi.ContainerApiProperties;

/**
 * One API account of the cloud that a tenant's containers are in: its name within the tenant
 * ({@code flowbill.accounts[i].account}, the tenant id when unset) and the client settings it is reached with (base
 * URL, credentials, its own rate limit and concurrency). The inventory keeps which account listed each container.
 *
 * @param name letters, digits, {@code .}, {@code _} and {@code -}, at most 64 characters; unique within the tenant
 * @param api  the client settings of this account (secrets are masked by its {@code toString})
 */
public record ApiAccount(String name, ContainerApiProperties api) {

    public ApiAccount {
        Objects.requireNonNull(api, "api");
        if (name == null || !Account.ID.matcher(name).matches()) {
            throw new IllegalArgumentException("account '" + name + "' is not an account name: use 1 to 64 letters,"
                    + " digits, '.', '_' or '-', starting with a letter or digit");
        }
    }
}

package io.flowbill.security;

import java.util.Objects;

/**
 * Who an authenticated request comes from: an API key or a JWT, the tenant it belongs to and whether it reads every
 * tenant. The name identifies the credential (the key's id, the token's subject) and keys the request limits.
 *
 * @param name the key's id ({@code key:ID}) or the token's subject ({@code jwt:SUBJECT})
 * @param tenant the tenant the credential belongs to (may be null for an admin token without one)
 * @param admin true when it reads every tenant
 */
public record ApiCaller(String name, String tenant, boolean admin) {

    public ApiCaller {
        Objects.requireNonNull(name, "name");
        if (tenant == null && !admin) {
            throw new IllegalArgumentException("a reader needs a tenant");
        }
    }

    /** The caller an API key authenticates: {@code key:<id>}, its tenant, admin when its role is. */
    static ApiCaller of(ApiKey key) {
        return new ApiCaller("key:" + key.id(), key.tenant(), key.role() == ApiRole.ADMIN);
    }

    /** True when this caller may read {@code requested}'s data. */
    public boolean mayRead(String requested) {
        return admin || tenant.equals(requested);
    }
}

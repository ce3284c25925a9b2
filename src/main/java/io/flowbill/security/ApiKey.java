package io.flowbill.security;

import java.time.Instant;

/**
 * An API key as listed: everything but the key itself, which is shown once when it is created.
 *
 * @param id the key's id (the part after {@code fb_})
 * @param tenant the tenant it belongs to
 * @param role what it may read
 * @param name what its owner called it, or null
 * @param created when it was created
 * @param lastUsed when a request last used it (kept to the minute), or null
 * @param revoked when it was revoked, or null
 */
public record ApiKey(String id, String tenant, ApiRole role, String name, Instant created, Instant lastUsed,
        Instant revoked) {

    public boolean isRevoked() {
        return revoked != null;
    }
}

package io.flowbill.accounts;

import java.util.List;

/** A tenant that no configured account has: names it and the ones there are. */
public class UnknownTenantException extends IllegalArgumentException {

    public UnknownTenantException(String tenant, List<String> configured) {
        super("no account has tenant '" + tenant + "'; the configured tenants are " + String.join(", ", configured)
                + " (flowbill.accounts, or flowbill.metering.tenant for the single account)");
    }
}

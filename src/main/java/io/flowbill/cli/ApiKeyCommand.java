package io.flowbill.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;

import io.flowbill.accounts.Accounts;
import io.flowbill.security.ApiKey;
import io.flowbill.security.ApiKeys;
import io.flowbill.security.ApiRole;

/**
 * The work of {@code api-key create|list|revoke} ({@link ApiKeyCommands}). A key is printed once, alone on the
 * last line, and never logged; a key for a tenant that is not a configured account is refused.
 */
@Component
class ApiKeyCommand {

    private static final String ROW = "%-12s  %-16s  %-6s  %-20s  %-20s  %-20s  %s%n";

    private final ApiKeys keys;
    private final Accounts accounts;

    ApiKeyCommand(ApiKeys keys, Accounts accounts) {
        this.keys = keys;
        this.accounts = accounts;
    }

    int create(String tenant, ApiRole role, String name, PrintWriter out) {
        if (!accounts.tenants().contains(tenant)) {
            throw new UsageException("--tenant '" + tenant + "' is not a configured account's tenant; the tenants are: "
                    + String.join(", ", accounts.tenants()));
        }
        ApiKeys.Created created = keys.create(tenant, role, name);
        out.printf("API key %s created for tenant '%s' (%s%s). It is shown once, on the next line; store it now"
                + " (flowbill keeps only its hash) and send it as 'Authorization: Bearer <key>':%n", created.key().id(),
                tenant, role.word(), name == null ? "" : ", '" + name + "'");
        out.println(created.text());
        return FlowbillCli.EXIT_OK;
    }

    int list(PrintWriter out) {
        List<ApiKey> all = keys.list();
        if (all.isEmpty()) {
            out.println("No API keys; create one with 'api-key create --tenant TENANT'.");
            return FlowbillCli.EXIT_OK;
        }
        out.printf(ROW, "ID", "TENANT", "ROLE", "NAME", "CREATED", "LAST USED", "REVOKED");
        for (ApiKey key : all) {
            out.printf(ROW, key.id(), key.tenant(), key.role().word(), key.name() == null ? "-" : key.name(),
                    instant(key.created()), instant(key.lastUsed()), instant(key.revoked()));
        }
        return FlowbillCli.EXIT_OK;
    }

    int revoke(String id, PrintWriter out) {
        if (!keys.revoke(id)) {
            throw new UsageException("no API key '" + id + "' that is not revoked already; see 'api-key list'");
        }
        out.println("API key " + id + " revoked: its next request is answered 401.");
        return FlowbillCli.EXIT_OK;
    }

    private static String instant(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

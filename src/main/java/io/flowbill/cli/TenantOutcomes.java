package io.flowbill.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.flowbill.accounts.Account;
import io.flowbill.accounts.Accounts;
import io.flowbill.accounts.TenantRuns;
import io.flowbill.accounts.UnknownTenantException;
import io.flowbill.system.Diagnosis;
import io.flowbill.system.OneLineReason;

/**
 * How a command that works on every account ({@code fleet}, {@code meter}) selects them and reports: an unknown
 * {@code --tenant} is a usage error naming the configured tenants; with one account configured the output and a
 * failure are as they always were (the failure is the command's); with several, each tenant's text is printed under
 * {@code tenant <id>:}, and a tenant that failed does not stop the others: the command ends with exit 1 and the last
 * line {@code failed tenants: b (reason); c (reason)}, and running it again completes the failed ones.
 */
@Component
class TenantOutcomes {

    private final Accounts accounts;
    private final Environment environment;

    TenantOutcomes(Accounts accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    /** The accounts a command works on: every one, or that of {@code tenant} (unknown: a usage error). */
    List<Account> select(String tenant) {
        try {
            return accounts.select(tenant);
        }
        catch (UnknownTenantException e) {
            throw new UsageException(e.getMessage());
        }
    }

    int report(String command, List<Account> selected, List<TenantRuns.Outcome<String>> outcomes, PrintWriter out,
            PrintWriter err) throws Exception {
        boolean headed = accounts.all().size() > 1;
        if (selected.size() == 1 && outcomes.get(0).failed()) {
            if (headed) {
                out.println("tenant " + outcomes.get(0).tenant() + ":");
                out.flush();
            }
            throw outcomes.get(0).failure();
        }
        List<String> failed = new ArrayList<>();
        for (TenantRuns.Outcome<String> outcome : outcomes) {
            if (headed) {
                out.println("tenant " + outcome.tenant() + ":");
            }
            if (outcome.failed()) {
                String reason = reason(outcome.failure());
                out.println("  failed: " + reason);
                failed.add(outcome.tenant() + " (" + reason + ")");
            }
            else {
                out.print(outcome.result());
            }
        }
        if (failed.isEmpty()) {
            out.flush();
            return FlowbillCli.EXIT_OK;
        }
        String line = "failed tenants: " + String.join("; ", failed);
        out.println(line);
        out.flush();
        err.println("flowbill " + command + " failed: " + line);
        err.flush();
        return FlowbillCli.EXIT_FAILED;
    }

    private String reason(Exception failure) {
        return Diagnosis.of(failure, environment::getProperty).orElseGet(() -> OneLineReason.of(failure));
    }
}

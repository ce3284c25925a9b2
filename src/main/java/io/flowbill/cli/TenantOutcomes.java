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
import io.flowbill.system.Diagnosable;
import io.flowbill.system.Diagnosis;
import io.flowbill.system.OneLineReason;

/**
 * How every command that works on the accounts runs them and reports (docs/commands.md, "Failure
 * isolation"): the account of {@code --tenant}, or every one, {@code flowbill.accounts-in-parallel} at a time, each
 * isolated: one tenant's failure ends its own part only. An unknown {@code --tenant} is a usage error naming the
 * configured tenants. With one account selected its failure is the command's, reported as before accounts existed.
 * Otherwise the texts come in configuration order and, when any tenant failed, the last line is
 * {@code failed tenants: b (reason); c (reason)} and the exit 1; running the command again completes the failed ones.
 * Two layouts: {@link #summaries} ({@code nightly}, {@code rate}, {@code close}, {@code export}: each summary names
 * its tenant, a failure is {@code tenant b failed: reason}) and {@link #headed} ({@code fleet}, {@code meter}: each
 * text under {@code tenant <id>:} when several accounts are configured, a failure {@code   failed: reason}, and the
 * last line repeated on stderr as {@code flowbill <command> failed: failed tenants: ...}).
 */
@Component
class TenantOutcomes {

    private final Accounts accounts;
    private final Environment environment;

    TenantOutcomes(Accounts accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    /** Runs {@code work} for the selected tenants and prints their summaries, a failure as {@code tenant b failed}. */
    int summaries(String tenant, PrintWriter out, TenantRuns.Work<String> work) throws Exception {
        return run(tenant, work, false, out, null, null);
    }

    /** Runs {@code work} for the selected tenants and prints each text under its tenant's heading. */
    int headed(String command, String tenant, PrintWriter out, PrintWriter err, TenantRuns.Work<String> work)
            throws Exception {
        return run(tenant, work, accounts.all().size() > 1, out, err, command);
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

    private int run(String tenant, TenantRuns.Work<String> work, boolean headed, PrintWriter out, PrintWriter err,
            String command) throws Exception {
        List<Account> selected = select(tenant);
        List<TenantRuns.Outcome<String>> outcomes = TenantRuns.run(selected, accounts.inParallel(), work);
        for (TenantRuns.Outcome<String> outcome : outcomes) {
            if (outcome.failure() instanceof UsageException usage) {
                throw usage;
            }
        }
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
                String reason = reason(outcome.failure(), outcome.tenant());
                out.println(headed ? "  failed: " + reason : "tenant " + outcome.tenant() + " failed: " + reason);
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
        if (err != null) {
            err.println("flowbill " + command + " failed: " + line);
            err.flush();
        }
        return FlowbillCli.EXIT_FAILED;
    }

    /** The line of a tenant's failure; it names the settings of that tenant's entry of {@code flowbill.accounts}. */
    private String reason(Exception failure, String tenant) {
        String account = null;
        for (int i = 0; account == null && environment.containsProperty("flowbill.accounts[" + i + "].tenant"); i++) {
            account = tenant.equals(environment.getProperty("flowbill.accounts[" + i + "].tenant"))
                    ? "flowbill.accounts[" + i + "]" : null;
        }
        String prefix = account;
        return Diagnosis.of(failure, key -> key.equals(Diagnosable.ACCOUNT) ? prefix : environment.getProperty(key))
                .orElseGet(() -> OneLineReason.of(failure));
    }
}

package io.flowbill.cli;

import java.io.PrintWriter;
import java.util.List;

import io.flowbill.accounts.Account;
import io.flowbill.accounts.Accounts;
import io.flowbill.accounts.TenantRuns;
import io.flowbill.accounts.UnknownTenantException;
import io.flowbill.system.OneLineReason;

/**
 * Runs a command's part for the account given by {@code --tenant}, or for every account (one after another), each
 * isolated: one tenant's failure ends its own part only.
 * Every tenant's summary is printed in configuration order; when any failed, a line per failure and last
 * {@code failed tenants: t (reason); ...}, exit 1. An unknown tenant is a usage error naming the configured ones.
 * With a single account selected its failure is the command's, reported as before accounts existed.
 */
final class PerTenant {

    private PerTenant() {
    }

    static int run(Accounts accounts, String tenant, PrintWriter out, TenantRuns.Work<String> work) throws Exception {
        List<Account> selected;
        try {
            selected = accounts.select(tenant);
        }
        catch (UnknownTenantException unknown) {
            throw new UsageException("--tenant: " + unknown.getMessage());
        }
        if (selected.size() == 1) {
            out.print(work.run(selected.get(0)));
            out.flush();
            return FlowbillCli.EXIT_OK;
        }
        // one account after another for now: two job instances created at once by one process failed in
        // TenantBillingIT (INSERT INTO BATCH_JOB_INSTANCE), so flowbill.accounts-in-parallel waits for that fix
        List<TenantRuns.Outcome<String>> outcomes = TenantRuns.run(selected, 1, work);
        for (TenantRuns.Outcome<String> outcome : outcomes) {
            if (outcome.failure() instanceof UsageException usage) {
                throw usage;
            }
        }
        for (TenantRuns.Outcome<String> outcome : outcomes) {
            if (outcome.failed()) {
                out.printf("tenant %s failed: %s%n", outcome.tenant(), OneLineReason.of(outcome.failure()));
            }
            else {
                out.print(outcome.result());
            }
        }
        String failed = TenantRuns.failedLine(outcomes);
        if (!failed.isEmpty()) {
            out.println(failed);
        }
        out.flush();
        return failed.isEmpty() ? FlowbillCli.EXIT_OK : FlowbillCli.EXIT_FAILED;
    }
}

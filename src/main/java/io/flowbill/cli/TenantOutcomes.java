package io.flowbill.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
 * text under {@code tenant <id>:} when several accounts are configured, a failure {@code   failed: reason}). Given
 * stderr, each failed tenant also has one line there, {@code flowbill <command> failed: tenant b: reason}. A reason
 * is one bounded line ({@link #bounded}) naming the account's settings ({@code flowbill.accounts[i].*}).
 */
@Component
class TenantOutcomes {

    static final int MAX_REASON = 400;
    /** Where a stack trace starts in a folded message: {@code  at io.flowbill.X.y(X.java:12)}. */
    private static final Pattern STACK_FRAME = Pattern.compile("\\s(at [\\w$.]+\\(|Caused by: )");

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

    /** The same, each failed tenant's line also on {@code err} as {@code flowbill <command> failed: tenant b: ...}. */
    int summaries(String command, String tenant, PrintWriter out, PrintWriter err, TenantRuns.Work<String> work)
            throws Exception {
        return run(tenant, work, false, out, err, command);
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
        List<String> errLines = new ArrayList<>();
        for (TenantRuns.Outcome<String> outcome : outcomes) {
            if (headed) {
                out.println("tenant " + outcome.tenant() + ":");
            }
            if (outcome.failed()) {
                String reason = reason(outcome.failure(), outcome.tenant());
                out.println(headed ? "  failed: " + reason : "tenant " + outcome.tenant() + " failed: " + reason);
                failed.add(outcome.tenant() + " (" + reason + ")");
                errLines.add("flowbill " + command + " failed: tenant " + outcome.tenant() + ": " + reason);
            }
            else {
                out.print(outcome.result());
            }
        }
        if (failed.isEmpty()) {
            out.flush();
            return FlowbillCli.EXIT_OK;
        }
        out.println("failed tenants: " + String.join("; ", failed));
        out.flush();
        if (err != null) {
            errLines.forEach(err::println);
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
        return bounded(Diagnosis.of(failure,
                key -> key.equals(Diagnosable.ACCOUNT) ? prefix : environment.getProperty(key))
                .orElseGet(() -> OneLineReason.of(failure)));
    }

    /**
     * A reason as one line of at most {@value #MAX_REASON} characters, without the stack frames some messages carry
     * (a job's exit description has its failure's trace): the trace stays in the log at DEBUG.
     */
    static String bounded(String reason) {
        String line = STACK_FRAME.split(reason.replaceAll("\\s+", " ").trim(), 2)[0].trim();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 3) + "...";
    }
}

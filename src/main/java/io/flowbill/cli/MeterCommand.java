package io.flowbill.cli;

import java.io.PrintWriter;
import java.util.List;

import org.springframework.stereotype.Component;

import io.flowbill.accounts.Account;
import io.flowbill.accounts.Accounts;
import io.flowbill.accounts.TenantRuns;
import io.flowbill.metering.MeteringRange;
import io.flowbill.metering.MeteringService;

/**
 * {@code meter --from T --to T [--refresh] [--tenant T]}: meters every hour of the range for each account (or the
 * one named) and prints each run's summary ({@link TenantOutcomes}); a tenant already metered is skipped as before.
 */
@Component
class MeterCommand {

    private final MeteringService metering;
    private final Accounts accounts;
    private final TenantOutcomes outcomes;

    MeterCommand(MeteringService metering, Accounts accounts, TenantOutcomes outcomes) {
        this.metering = metering;
        this.accounts = accounts;
        this.outcomes = outcomes;
    }

    int run(MeteringRange range, boolean refresh, String tenant, PrintWriter out, PrintWriter err) throws Exception {
        List<Account> selected = outcomes.select(tenant);
        try {
            metering.requireOver(range);
        }
        catch (IllegalArgumentException notOver) {
            throw new UsageException(notOver.getMessage());
        }
        return outcomes.report("meter", selected, TenantRuns.run(selected, accounts.inParallel(),
                account -> metering.meter(account.tenant(), range, refresh).render()), out, err);
    }
}

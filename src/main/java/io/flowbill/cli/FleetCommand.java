package io.flowbill.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.flowbill.accounts.AccountClients;
import io.flowbill.containerapi.Container;
import io.flowbill.containerapi.ContainerApiClient;
import io.flowbill.containerapi.ContainerPage;

/**
 * {@code fleet [--tenant T]}: pages through each account's container list and prints its containers by charge
 * type, status and spec, under the account's tenant when several are configured ({@link TenantOutcomes}).
 */
@Component
class FleetCommand {

    private static final int PAGE = 30;

    private final AccountClients clients;
    private final TenantOutcomes outcomes;

    FleetCommand(AccountClients clients, TenantOutcomes outcomes) {
        this.clients = clients;
        this.outcomes = outcomes;
    }

    int run(String tenant, PrintWriter out, PrintWriter err) throws Exception {
        return outcomes.headed("fleet", tenant, out, err, account -> fleet(clients.of(account.tenant())));
    }

    private static String fleet(ContainerApiClient client) {
        Map<String, Integer> byChargeType = new TreeMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> bySpec = new TreeMap<>();
        int seen = 0;
        long total = Long.MAX_VALUE;
        for (int offset = 0; offset < total; offset += PAGE) {
            ContainerPage page = client.list(PAGE, offset);
            total = page.total();
            if (page.containers().isEmpty()) {
                break;
            }
            for (Container c : page.containers()) {
                seen++;
                byChargeType.merge(chargeType(c.chargeType()), 1, Integer::sum);
                byStatus.merge(c.status() == null ? "(missing)" : c.status().value(), 1, Integer::sum);
                bySpec.merge(String.valueOf(c.specId()), 1, Integer::sum);
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format("fleet: %d containers listed (the API reports %d)%n", seen, total));
        print(text, "by charge type", byChargeType);
        print(text, "by status", byStatus);
        print(text, "by spec_id", bySpec);
        return text.toString();
    }

    private static String chargeType(Integer chargeType) {
        if (chargeType == null) {
            return "(missing)";
        }
        return switch (chargeType) {
            case 1 -> "package";
            case 2 -> "on_demand";
            default -> "unknown(" + chargeType + ")";
        };
    }

    private static void print(StringBuilder text, String title, Map<String, Integer> counts) {
        text.append("  ").append(title).append(":").append(System.lineSeparator());
        counts.forEach((key, count) -> text.append(String.format("    %-16s %7d%n", key, count)));
    }
}

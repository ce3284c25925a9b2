package io.flowbill.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.flowbill.containerapi.Container;
import io.flowbill.containerapi.ContainerApiClient;
import io.flowbill.containerapi.ContainerPage;

/** {@code fleet}: pages through the container list and prints containers by charge type, status and spec. */
@Component
class FleetCommand {

    private static final int PAGE = 30;

    private final ContainerApiClient client;

    FleetCommand(ContainerApiClient client) {
        this.client = client;
    }

    int run(PrintWriter out) {
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
        out.printf("fleet: %d containers listed (the API reports %d)%n", seen, total);
        print(out, "by charge type", byChargeType);
        print(out, "by status", byStatus);
        print(out, "by spec_id", bySpec);
        out.flush();
        return FlowbillCli.EXIT_OK;
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

    private static void print(PrintWriter out, String title, Map<String, Integer> counts) {
        out.println("  " + title + ":");
        counts.forEach((key, count) -> out.printf("    %-16s %7d%n", key, count));
    }
}

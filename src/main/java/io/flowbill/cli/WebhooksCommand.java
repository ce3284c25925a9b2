package io.flowbill.cli;

import java.io.PrintWriter;
import java.util.List;

import org.springframework.stereotype.Component;

import io.flowbill.webhooks.WebhookDeliveries;
import io.flowbill.webhooks.WebhookSender;

/** What {@code webhooks list} and {@code webhooks replay} do, inside the application context. */
@Component
class WebhooksCommand {

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;

    WebhooksCommand(WebhookDeliveries deliveries, WebhookSender sender) {
        this.deliveries = deliveries;
        this.sender = sender;
    }

    int list(String tenant, String status, int limit, PrintWriter out) {
        List<WebhookDeliveries.Delivery> found = deliveries.list(tenant, status, limit);
        out.printf("%-8s %-36s %-10s %-24s %-9s %8s  %-20s %s%n", "id", "event", "tenant", "type", "status",
                "attempts", "next attempt", "endpoint / last answer");
        for (WebhookDeliveries.Delivery d : found) {
            String answer = d.lastResponseCode() != null ? "HTTP " + d.lastResponseCode()
                    : d.lastError() != null ? d.lastError() : "";
            out.printf("%-8d %-36s %-10s %-24s %-9s %8d  %-20s %s%s%n", d.id(), d.eventId(), d.tenant(), d.type(),
                    d.status(), d.attempts(), d.status().equals("PENDING") ? d.nextAttemptAt().toString() : "-",
                    d.url(), answer.isEmpty() ? "" : " (" + answer + ")");
        }
        out.printf("%d deliveries%n", found.size());
        out.flush();
        return FlowbillCli.EXIT_OK;
    }

    int replay(long id, boolean send, PrintWriter out, PrintWriter err) {
        if (!deliveries.replay(id)) {
            err.println("flowbill webhooks replay failed: there is no delivery " + id + "; see 'webhooks list'");
            err.flush();
            return FlowbillCli.EXIT_FAILED;
        }
        out.println("delivery " + id + " is due again now");
        if (send) {
            out.println("sent " + sender.sendDue() + " due deliveries");
            deliveries.find(id)
                    .ifPresent(d -> out.println("delivery " + id + ": " + d.status() + " after " + d.attempts()
                            + " attempt(s)"));
        }
        out.flush();
        return FlowbillCli.EXIT_OK;
    }
}

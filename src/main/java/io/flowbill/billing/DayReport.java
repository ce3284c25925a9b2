package io.flowbill.billing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.flowbill.invoicing.DayFigures;
import io.flowbill.invoicing.InvoiceState;
import io.flowbill.invoicing.RatedDay;

/** What billing a day did, as {@code nightly} and {@code rate} print it; a demo run says DEMO first. */
public record DayReport(RatedDay rated, List<InvoiceState> invoices, DayFigures figures, List<Path> files,
        boolean demo) {

    public String render(String title, Duration elapsed) {
        StringBuilder text = new StringBuilder(demo ? "DEMO (built-in sandbox, tenant demo, not a bill): " : "")
                .append(title).append('\n');
        text.append(String.format("  tenant            %s%n", rated.tenant()));
        text.append(String.format("  rating            %d charge lines (run %d, %s)%n", rated.lines(), rated.runId(),
                rated.changed() ? "changed" : "unchanged"));
        text.append(String.format("  containers billed %s%n", counts(figures.containersByChargeType())));
        text.append(String.format("  amount by item    %s%n", amounts(figures.amountByItem(), figures.currency())));
        text.append(String.format("  exceptions        %s%n", counts(figures.exceptionsByKind())));
        for (InvoiceState invoice : invoices) {
            text.append(String.format("  invoice           %s %s %s %s %s (%d lines, %s)%n", invoice.tenant(),
                    invoice.month(), invoice.status(), invoice.total().toPlainString(), invoice.currency(),
                    invoice.lines(), invoice.changed() ? "changed" : "unchanged"));
        }
        for (Path file : files) {
            text.append(String.format("  file              %s%n", file));
        }
        text.append(String.format("  elapsed           %.1f s%n", elapsed.toMillis() / 1000.0));
        return text.toString();
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String amounts(Map<String, BigDecimal> amounts, String currency) {
        return amounts.isEmpty() ? "none" : amounts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toPlainString() + " " + currency)
                .collect(Collectors.joining(", "));
    }
}

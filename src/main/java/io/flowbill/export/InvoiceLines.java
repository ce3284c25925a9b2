package io.flowbill.export;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.flowbill.pricing.ChargeItem;
import io.flowbill.pricing.PlanLine;
import io.flowbill.pricing.PriceBook;
import io.flowbill.system.DemoMode;

/**
 * Collects the lines {@code invoice-<YYYY-MM>.csv} prints into the lines of the invoice document
 * ({@link InvoiceDocument}). An invoice of up to {@value #DETAIL_LINES} lines shows every line as the CSV has it (its
 * container, quantity, unit price and amount rated once), so every document line satisfies its equation; a larger
 * one shows per item, charge type, spec, tier, price version and unit price the sum of its containers' lines, with
 * no quantity or unit price (the sum of lines rated once is not a quantity times a price: the CSV has the lines), so
 * that the document stays readable and its memory does not grow with the fleet. Adjustments per month corrected.
 */
final class InvoiceLines {

    /** The items of daily charge lines; every other item of an invoice is a month-level line. */
    private static final Set<String> DAILY = Set.of(ChargeItem.COMPUTE.code(), ChargeItem.BANDWIDTH.code(),
            ChargeItem.TRAFFIC_OUT.code(), ChargeItem.TRAFFIC_IN.code(), ChargeItem.PACKAGE.code());

    /**
     * One line as the CSV prints it.
     *
     * @param chargeType {@code package} or {@code on_demand}; null for adjustments and other month-level lines
     *                   without one
     * @param corrects   the month an adjustment corrects; null otherwise
     */
    record Printed(long containerId, String item, String chargeType, Integer specId, int tier, String priceVersion,
            String unit, BigDecimal unitPrice, BigDecimal quantity, BigDecimal amount, YearMonth corrects,
            String containerName) {

        Printed(long containerId, String item, String chargeType, Integer specId, int tier, String priceVersion,
                String unit, BigDecimal unitPrice, BigDecimal quantity, BigDecimal amount, YearMonth corrects) {
            this(containerId, item, chargeType, specId, tier, priceVersion, unit, unitPrice, quantity, amount, corrects,
                    null);
        }
    }

    /** The most lines an invoice document shows one by one; above, it shows their sums per kind of line. */
    static final int DETAIL_LINES = 1_000;

    /** A document line's kind; with its container (0 once summed over the containers) and name in detail. */
    private record Key(String item, String chargeType, Integer specId, int tier, String priceVersion, String unit,
            BigDecimal unitPrice, long containerId, String containerName) {

        Key summed() {
            return new Key(item, chargeType, specId, tier, priceVersion, unit, unitPrice, 0, null);
        }
    }

    private static final class Sum {
        final OrderedIdCount containers = new OrderedIdCount();
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;

        void add(long containerId, BigDecimal lineQuantity, BigDecimal lineAmount) {
            if (containerId != 0) {
                containers.add(containerId);
            }
            quantity = quantity.add(lineQuantity);
            amount = amount.add(lineAmount);
        }
    }

    private final PriceBook book;
    private final Map<Key, Sum> lines = new LinkedHashMap<>();
    private final Map<YearMonth, Sum> adjustments = new TreeMap<>();
    private long printed;
    private boolean detailed = true;

    InvoiceLines(PriceBook book) {
        this.book = book;
    }

    void add(Printed line) {
        printed++;
        if (line.corrects() != null) {
            adjustments.computeIfAbsent(line.corrects(), month -> new Sum()).add(line.containerId(), line.quantity(),
                    line.amount());
            return;
        }
        Key key = new Key(line.item(), line.chargeType(), line.specId(), line.tier(), line.priceVersion(),
                line.unit(), line.unitPrice(), line.containerId(), line.containerName());
        if (detailed && lines.size() >= DETAIL_LINES) {
            summarize();
        }
        lines.computeIfAbsent(detailed ? key : key.summed(), k -> new Sum()).add(line.containerId(), line.quantity(),
                line.amount());
    }

    /** Turns the lines collected one by one into their sums per kind (they came in container order). */
    private void summarize() {
        Map<Key, Sum> detail = new LinkedHashMap<>(lines);
        lines.clear();
        detailed = false;
        detail.forEach((key, sum) -> lines.computeIfAbsent(key.summed(), k -> new Sum()).add(key.containerId(),
                sum.quantity, sum.amount));
    }

    InvoiceDocument document(InvoiceHeader header, InvoiceProperties parties) {
        Map<String, List<InvoiceDocument.Line>> daily = new TreeMap<>(InvoiceLines::itemOrder);
        Map<String, List<InvoiceDocument.Line>> monthLevel = new TreeMap<>(InvoiceLines::itemOrder);
        List<Map.Entry<Key, Sum>> sorted = new ArrayList<>(lines.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<Key, Sum> entry) -> entry.getKey().containerId())
                .thenComparing(entry -> String.valueOf(entry.getKey().chargeType()))
                .thenComparing(entry -> entry.getKey().specId() == null ? -1 : entry.getKey().specId())
                .thenComparing(entry -> entry.getKey().tier())
                .thenComparing(entry -> String.valueOf(entry.getKey().priceVersion()))
                .thenComparing(entry -> entry.getKey().unitPrice()));
        BigDecimal charged = chargedBeforeShortfall();
        for (Map.Entry<Key, Sum> entry : sorted) {
            Key key = entry.getKey();
            Sum sum = entry.getValue();
            (DAILY.contains(key.item()) ? daily : monthLevel).computeIfAbsent(key.item(), item -> new ArrayList<>())
                    .add(new InvoiceDocument.Line(detailed ? withContainer(key, describe(key, charged))
                            : describe(key, charged), key.priceVersion(), detailed ? 0 : sum.containers.count(),
                            detailed ? sum.quantity : null, InvoiceLabels.unit(key.item(), key.unit(), header.currency()),
                            detailed ? key.unitPrice() : null, sum.amount));
        }
        List<InvoiceDocument.Adjustment> corrections = new ArrayList<>();
        adjustments.forEach((month, sum) -> corrections.add(new InvoiceDocument.Adjustment(month,
                sum.containers.count(), sum.amount)));
        return new InvoiceDocument(header, parties.seller(), parties.buyerOf(header.tenant()),
                List.of(section("Usage", daily), section("Month-level charges", monthLevel)), corrections, printed,
                DemoMode.TENANT.equals(header.tenant()) ? "a simulated fleet from the built-in sandbox, not a bill"
                        : null, InvoiceTerms.of(header, parties, book.zone().id()));
    }

    /** A line of one container: its id and name at the month's end first. */
    private static String withContainer(Key key, String description) {
        if (key.containerId() == 0) {
            return description;
        }
        String container = "container " + key.containerId()
                + (key.containerName() == null || key.containerName().isBlank() ? "" : " " + key.containerName());
        return description.isEmpty() ? container : container + " \u00b7 " + description;
    }

    /** The month's lines other than a commitment shortfall, adjustments not counted: what the commitment is met by. */
    private BigDecimal chargedBeforeShortfall() {
        return lines.entrySet().stream().filter(entry -> !PlanLine.COMMITMENT_SHORTFALL.equals(entry.getKey().item()))
                .map(entry -> entry.getValue().amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private String describe(Key key, BigDecimal charged) {
        if (key.item().equals(InvoiceExport.ROUNDING_ITEM)) {
            return "daily roundings of an invoice closed before lines were rated once";
        }
        if (key.item().equals(PlanLine.DISCOUNT)) {
            return InvoiceLabels.discount(key.unit(), key.unitPrice(), key.priceVersion());
        }
        if (key.item().equals(PlanLine.COMMITMENT_SHORTFALL)) {
            return InvoiceLabels.shortfall(lines.get(key).amount, charged, key.priceVersion());
        }
        List<String> parts = new ArrayList<>();
        if (key.specId() != null) {
            parts.add(specName(key.priceVersion(), key.specId()) + " (spec " + key.specId() + ")");
        }
        if (key.chargeType() != null) {
            parts.add(key.chargeType());
        }
        if (key.tier() > 0) {
            parts.add("tier " + key.tier());
        }
        return String.join(" \u00b7 ", parts);
    }

    private String specName(String version, int specId) {
        if (version == null) {
            return "spec";
        }
        try {
            // a planned version (<book version>+<plan version>) has its book version's specs
            int plan = version.indexOf('+');
            return book.version(plan < 0 ? version : version.substring(0, plan)).spec(specId).name();
        }
        catch (IllegalArgumentException e) {
            // a version or spec the current book no longer has: the line still says its spec id and version
            return "spec";
        }
    }

    /**
     * Items in the order of {@link ChargeItem}, then any other (month-level lines of later kinds) by name, then the
     * plan's discounts and last its commitment shortfall, which is what remains after them.
     */
    private static int itemOrder(String a, String b) {
        if (planRank(a) != planRank(b)) {
            return Integer.compare(planRank(a), planRank(b));
        }
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int planRank(String item) {
        return PlanLine.DISCOUNT.equals(item) ? 1 : PlanLine.COMMITMENT_SHORTFALL.equals(item) ? 2 : 0;
    }

    private static int rank(String item) {
        for (ChargeItem known : EnumSet.allOf(ChargeItem.class)) {
            if (known.code().equals(item)) {
                return known.ordinal();
            }
        }
        return item.equals(InvoiceExport.ROUNDING_ITEM) ? Integer.MAX_VALUE : ChargeItem.values().length;
    }

    private static InvoiceDocument.Section section(String title, Map<String, List<InvoiceDocument.Line>> byItem) {
        List<InvoiceDocument.ItemGroup> groups = new ArrayList<>();
        byItem.forEach((item, itemLines) -> groups.add(new InvoiceDocument.ItemGroup(item, itemLines,
                itemLines.stream().map(InvoiceDocument.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))));
        return new InvoiceDocument.Section(title, groups);
    }
}

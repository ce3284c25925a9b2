package io.flowbill.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.flowbill.accounts.Accounts;
import io.flowbill.invoicing.DayFigureRows;
import io.flowbill.invoicing.DayFiguresQuery;
import io.flowbill.metering.MeteringException;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;

/**
 * The business figures of the last day billed, and the unresolved exceptions of every day, as gauges read from the
 * tables ({@link DayFiguresQuery}), each with a {@code tenant} label: every configured account's, and any other
 * tenant's found in the tables (tenants are few, so the label stays bounded; never a container).
 *
 * <p>Gauges, not counters: a batch may bill a day again (a rerun, a re-rating after late data) and must then report
 * the same or the corrected figure, never the sum of both runs; and a Pushgateway push replaces the previous one.
 * So each gauge is the day's figure as stored, {@code flowbill_billed_day_timestamp_seconds} says which day (its
 * {@code day} label is the date in the billing zone), and a Prometheus history of them is one value per billed day.
 * The same fact may come from {@code serve} and from a push at once: dashboards take {@code max by (tenant, ...)}.
 * Longer history lives in PostgreSQL (the traffic and cost dashboard reads it there).
 */
@Component
public class BillingMetrics {

    static final String DAY = "flowbill.billed.day.timestamp";
    static final String TRAFFIC = "flowbill.day.traffic.metered";
    static final String AMOUNT = "flowbill.day.billed.amount";
    static final String EXCEPTIONS = "flowbill.day.metering.exceptions";
    static final String UNRESOLVED = "flowbill.exceptions.unresolved";
    static final String CONTAINERS = "flowbill.day.containers.billed";
    static final String MONTH_TO_DATE = "flowbill.invoice.month.to.date";

    /** Bytes in a MB, as metering counts them (1 MB = 1024 KB = 1024 x 1024 B). */
    static final BigDecimal BYTES_PER_MB = BigDecimal.valueOf(1024L * 1024L);

    private static final Logger log = LoggerFactory.getLogger(BillingMetrics.class);

    private final DayFiguresQuery figures;
    private final BillingZone zone;
    private final List<String> accounts;
    private final MultiGauge day;
    private final MultiGauge traffic;
    private final MultiGauge amount;
    private final MultiGauge exceptions;
    private final MultiGauge unresolved;
    private final MultiGauge containers;
    private final MultiGauge monthToDate;
    private volatile LocalDate lastBilled;

    BillingMetrics(DayFiguresQuery figures, PriceBook book, Accounts accounts, MeterRegistry registry) {
        this.figures = figures;
        this.zone = book.zone();
        this.accounts = accounts.tenants();
        this.day = gauge(registry, DAY, "Start of the billed day the flowbill_day_* gauges describe (Unix time; "
                + "label day: the date in the billing zone)", "seconds");
        this.traffic = gauge(registry, TRAFFIC, "Traffic metered in the hours of the billed day", "bytes");
        this.amount = gauge(registry, AMOUNT, "Amount of the billed day's charge lines, in the currency label", null);
        this.exceptions = gauge(registry, EXCEPTIONS, "Unresolved metering exceptions of the billed day's hours", null);
        this.unresolved = gauge(registry, UNRESOLVED,
                "Unresolved metering and rating exceptions of every day, by kind", null);
        this.containers = gauge(registry, CONTAINERS, "Containers with charge lines on the billed day", null);
        this.monthToDate = gauge(registry, MONTH_TO_DATE,
                "Invoice total of the billed day's month so far (daily and month-level lines), per tenant", null);
    }

    /** Billing stored {@code date}: report its figures. A failure is logged; it never fails the billing. */
    public void dayBilled(LocalDate date) {
        lastBilled = date;
        try {
            refresh();
        }
        catch (RuntimeException e) {
            log.warn("reading the figures of {} for the metrics failed: {}", date, e.toString());
        }
    }

    /** Reads the figures again: of the day this process billed last, or else of the latest rated day. */
    void refresh() {
        LocalDate date = lastBilled != null ? lastBilled : figures.latestRatedDay();
        Set<String> tenants = new TreeSet<>(accounts);
        Map<Tags, BigDecimal> open = new LinkedHashMap<>();
        figures.unresolvedExceptions().forEach(row -> {
            tenants.add(row.tenant());
            open.merge(Tags.of("tenant", row.tenant(), "kind", row.kind()), BigDecimal.valueOf(row.count()),
                    BigDecimal::add);
        });
        set(unresolved, withEveryKind(tenants, open));
        if (date != null) {
            show(date);
        }
    }

    private void show(LocalDate date) {
        Set<String> tenants = new TreeSet<>(accounts);
        Map<Tags, BigDecimal> bytes = new LinkedHashMap<>();
        for (DayFigureRows.Traffic row : figures.traffic(date)) {
            tenants.add(row.tenant());
            Tags charge = Tags.of("tenant", row.tenant(), "charge_type", Labels.chargeType(row.chargeType()),
                    "network_charge_type", Labels.networkChargeType(row.networkChargeType()));
            bytes.merge(charge.and("direction", "out"), row.upMb().multiply(BYTES_PER_MB), BigDecimal::add);
            bytes.merge(charge.and("direction", "in"), row.downMb().multiply(BYTES_PER_MB), BigDecimal::add);
        }
        Map<Tags, BigDecimal> amounts = new LinkedHashMap<>();
        for (DayFigureRows.Amount row : figures.amounts(date)) {
            tenants.add(row.tenant());
            amounts.merge(Tags.of("tenant", row.tenant(), "item", row.item(), "charge_type",
                    Labels.chargeType(row.chargeType()), "currency", row.currency()), row.amount(), BigDecimal::add);
        }
        Map<Tags, BigDecimal> billed = new LinkedHashMap<>();
        for (DayFigureRows.Containers row : figures.containers(date)) {
            tenants.add(row.tenant());
            billed.merge(Tags.of("tenant", row.tenant(), "charge_type", Labels.chargeType(row.chargeType()),
                    "spec", Integer.toString(row.specId())), BigDecimal.valueOf(row.count()), BigDecimal::add);
        }
        Map<Tags, BigDecimal> dayExceptions = new LinkedHashMap<>();
        for (DayFigureRows.Exceptions row : figures.exceptions(date)) {
            tenants.add(row.tenant());
            dayExceptions.merge(Tags.of("tenant", row.tenant(), "kind", row.kind()), BigDecimal.valueOf(row.count()),
                    BigDecimal::add);
        }
        Map<Tags, BigDecimal> month = new LinkedHashMap<>();
        for (DayFigureRows.MonthTotal row : figures.monthToDate(date)) {
            tenants.add(row.tenant());
            month.merge(Tags.of("tenant", row.tenant(), "currency", row.currency()), row.total(), BigDecimal::add);
        }
        set(traffic, bytes);
        set(amount, amounts);
        set(containers, billed);
        set(exceptions, withEveryKind(tenants, dayExceptions));
        set(monthToDate, month);
        Map<Tags, BigDecimal> days = new LinkedHashMap<>();
        BigDecimal start = BigDecimal.valueOf(zone.startOf(date).getEpochSecond());
        tenants.forEach(name -> days.put(Tags.of("tenant", name, "day", date.toString()), start));
        set(day, days);
    }

    /** Every known kind of every tenant, 0 when it has none. */
    private static Map<Tags, BigDecimal> withEveryKind(Set<String> tenants, Map<Tags, BigDecimal> counts) {
        Map<Tags, BigDecimal> all = new LinkedHashMap<>();
        for (String name : tenants) {
            for (MeteringException.Kind kind : MeteringException.Kind.values()) {
                all.put(Tags.of("tenant", name, "kind", kind.code()), BigDecimal.ZERO);
            }
        }
        counts.forEach((tags, count) -> all.merge(tags, count, BigDecimal::add));
        return all;
    }

    private static void set(MultiGauge gauge, Map<Tags, BigDecimal> values) {
        gauge.register(values.entrySet().stream()
                .<Row<?>>map(entry -> Row.of(entry.getKey(), entry.getValue().doubleValue()))
                .toList(), true);
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description, String baseUnit) {
        return MultiGauge.builder(name).description(description).baseUnit(baseUnit).register(registry);
    }
}

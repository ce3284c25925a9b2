package io.flowbill.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 * The business figures of each tenant's last billed day, and the unresolved exceptions of every day, as gauges read
 * from the tables ({@link DayFiguresQuery}, {@link TenantFacts}), each with a {@code tenant} label: every configured
 * account's, and any other tenant's found in the tables (tenants are few, so the label stays bounded; never a
 * container).
 *
 * <p>Gauges, not counters: a batch may bill a day again (a rerun, a re-rating after late data) and must then report
 * the same or the corrected figure, never the sum of both runs; and a Pushgateway push replaces the previous one.
 * {@code flowbill_billed_day_timestamp_seconds} is the start of the tenant's last day in {@code billed_day} (label
 * {@code day}: the date in the billing zone; 0 and {@code day="none"} for an account never billed), and the
 * {@code flowbill_day_*} gauges and month to date are that day's. The same fact may reach Prometheus from
 * {@code serve} and from several pushes of different ages: {@code flowbill_figures_observed_timestamp_seconds} says
 * when this process read the tenant's figures, and dashboards and alerts take the figures of the source with the
 * newest observation. Longer history lives in PostgreSQL (the traffic and cost dashboard reads it there).
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
    static final String OBSERVED = "flowbill.figures.observed.timestamp";

    /** Bytes in a MB, as metering counts them (1 MB = 1024 KB = 1024 x 1024 B). */
    static final BigDecimal BYTES_PER_MB = BigDecimal.valueOf(1024L * 1024L);

    private static final Logger log = LoggerFactory.getLogger(BillingMetrics.class);

    private final DayFiguresQuery figures;
    private final TenantFacts facts;
    private final Clock clock;
    private final BillingZone zone;
    private final List<String> accounts;
    private final MultiGauge day;
    private final MultiGauge traffic;
    private final MultiGauge amount;
    private final MultiGauge exceptions;
    private final MultiGauge unresolved;
    private final MultiGauge containers;
    private final MultiGauge monthToDate;
    private final MultiGauge observed;

    @Autowired
    BillingMetrics(DayFiguresQuery figures, TenantFacts facts, PriceBook book, Accounts accounts,
            MeterRegistry registry) {
        this(figures, facts, book, accounts, registry, Clock.systemUTC());
    }

    /** {@code clock}: when the figures are observed; the wall clock, since Prometheus compares it across processes. */
    BillingMetrics(DayFiguresQuery figures, TenantFacts facts, PriceBook book, Accounts accounts,
            MeterRegistry registry, Clock clock) {
        this.figures = figures;
        this.facts = facts;
        this.clock = clock;
        this.zone = book.zone();
        this.accounts = accounts.tenants();
        this.day = gauge(registry, DAY, "Start of the tenant's last day in billed_day, which the flowbill_day_* "
                + "gauges describe (Unix time; label day: the date in the billing zone; 0: never billed)", "seconds");
        this.traffic = gauge(registry, TRAFFIC, "Traffic metered in the hours of the billed day", "bytes");
        this.amount = gauge(registry, AMOUNT, "Amount of the billed day's charge lines, in the currency label", null);
        this.exceptions = gauge(registry, EXCEPTIONS, "Unresolved metering exceptions of the billed day's hours", null);
        this.unresolved = gauge(registry, UNRESOLVED,
                "Unresolved metering and rating exceptions of every day, by kind", null);
        this.containers = gauge(registry, CONTAINERS, "Containers with charge lines on the billed day", null);
        this.monthToDate = gauge(registry, MONTH_TO_DATE,
                "Invoice total of the billed day's month so far (daily and month-level lines), per tenant", null);
        this.observed = gauge(registry, OBSERVED, "When this process last read the tenant's figures from the "
                + "database (Unix time): of several sources of one figure, the newest observation holds", "seconds");
    }

    /** Billing stored {@code date}: report the figures again. A failure is logged; it never fails the billing. */
    public void dayBilled(LocalDate date) {
        try {
            refresh();
        }
        catch (RuntimeException e) {
            log.warn("reading the figures after billing {} for the metrics failed: {}", date, e.toString());
        }
    }

    /**
     * Reads every tenant's figures again: the unresolved exceptions, and the figures of the tenant's last billed
     * day. Only when all were read does the tenant's observation time move, so a half-read source never wins.
     */
    void refresh() {
        Instant now = clock.instant();
        Set<String> tenants = new TreeSet<>(accounts);
        Map<Tags, BigDecimal> open = new LinkedHashMap<>();
        facts.unresolvedExceptions().forEach(row -> {
            tenants.add(row.tenant());
            open.merge(Tags.of("tenant", row.tenant(), "kind", row.kind()), BigDecimal.valueOf(row.count()),
                    BigDecimal::add);
        });
        Map<String, LocalDate> billedDays = facts.lastBilledDays();
        tenants.addAll(billedDays.keySet());
        DayGauges days = new DayGauges();
        Map<LocalDate, Set<String>> byDay = new TreeMap<>();
        billedDays.forEach((tenant, date) -> byDay.computeIfAbsent(date, d -> new TreeSet<>()).add(tenant));
        byDay.forEach((date, billed) -> days.read(date, billed));
        for (String tenant : tenants) {
            LocalDate date = billedDays.get(tenant);
            days.day.put(Tags.of("tenant", tenant, "day", date == null ? Labels.NONE : date.toString()),
                    date == null ? BigDecimal.ZERO : BigDecimal.valueOf(zone.startOf(date).getEpochSecond()));
        }
        set(unresolved, withEveryKind(tenants, open));
        set(traffic, days.bytes);
        set(amount, days.amounts);
        set(containers, days.billed);
        set(exceptions, withEveryKind(billedDays.keySet(), days.dayExceptions));
        set(monthToDate, days.month);
        set(day, days.day);
        BigDecimal seconds = BigDecimal.valueOf(now.toEpochMilli()).movePointLeft(3);
        Map<Tags, BigDecimal> seen = new LinkedHashMap<>();
        tenants.forEach(tenant -> seen.put(Tags.of("tenant", tenant), seconds));
        set(observed, seen);
    }

    /** The rows of the gauges that describe each tenant's last billed day. */
    private final class DayGauges {

        final Map<Tags, BigDecimal> bytes = new LinkedHashMap<>();
        final Map<Tags, BigDecimal> amounts = new LinkedHashMap<>();
        final Map<Tags, BigDecimal> billed = new LinkedHashMap<>();
        final Map<Tags, BigDecimal> dayExceptions = new LinkedHashMap<>();
        final Map<Tags, BigDecimal> month = new LinkedHashMap<>();
        final Map<Tags, BigDecimal> day = new LinkedHashMap<>();

        /** The figures of {@code date} of the tenants whose last billed day it is. */
        void read(LocalDate date, Set<String> tenants) {
            for (DayFigureRows.Traffic row : figures.traffic(date)) {
                if (tenants.contains(row.tenant())) {
                    Tags charge = Tags.of("tenant", row.tenant(), "charge_type", Labels.chargeType(row.chargeType()),
                            "network_charge_type", Labels.networkChargeType(row.networkChargeType()));
                    bytes.merge(charge.and("direction", "out"), row.upMb().multiply(BYTES_PER_MB), BigDecimal::add);
                    bytes.merge(charge.and("direction", "in"), row.downMb().multiply(BYTES_PER_MB), BigDecimal::add);
                }
            }
            for (DayFigureRows.Amount row : figures.amounts(date)) {
                if (tenants.contains(row.tenant())) {
                    amounts.merge(Tags.of("tenant", row.tenant(), "item", row.item(), "charge_type",
                            Labels.chargeType(row.chargeType()), "currency", row.currency()), row.amount(),
                            BigDecimal::add);
                }
            }
            for (DayFigureRows.Containers row : figures.containers(date)) {
                if (tenants.contains(row.tenant())) {
                    billed.merge(Tags.of("tenant", row.tenant(), "charge_type", Labels.chargeType(row.chargeType()),
                            "spec", Integer.toString(row.specId())), BigDecimal.valueOf(row.count()),
                            BigDecimal::add);
                }
            }
            for (DayFigureRows.Exceptions row : figures.exceptions(date)) {
                if (tenants.contains(row.tenant())) {
                    dayExceptions.merge(Tags.of("tenant", row.tenant(), "kind", row.kind()),
                            BigDecimal.valueOf(row.count()), BigDecimal::add);
                }
            }
            for (DayFigureRows.MonthTotal row : figures.monthToDate(date)) {
                if (tenants.contains(row.tenant())) {
                    month.merge(Tags.of("tenant", row.tenant(), "currency", row.currency()), row.total(),
                            BigDecimal::add);
                }
            }
        }
    }

    /** Every known kind of every tenant, 0 when it has none. */
    private static Map<Tags, BigDecimal> withEveryKind(Collection<String> tenants, Map<Tags, BigDecimal> counts) {
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

package io.flowbill.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.PriceBook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;

/**
 * The business figures of the last day billed, as gauges read from the tables once billing has stored them.
 *
 * <p>Gauges, not counters: a batch may bill a day again (a rerun, a re-rating after late data) and must then report
 * the same or the corrected figure, never the sum of both runs; and a Pushgateway push replaces the previous one.
 * So each gauge is the day's figure as stored, {@code flowbill_billed_day_timestamp_seconds} says which day, and a
 * Prometheus history of them is one value per billed day. Longer history lives in PostgreSQL (the traffic and cost
 * dashboard reads it there).
 */
@Component
public class BillingMetrics {

    static final String DAY = "flowbill.billed.day.timestamp";
    static final String TRAFFIC = "flowbill.day.traffic.metered";
    static final String AMOUNT = "flowbill.day.billed.amount";
    static final String EXCEPTIONS = "flowbill.day.metering.exceptions";
    static final String CONTAINERS = "flowbill.day.containers.billed";
    static final String MONTH_TO_DATE = "flowbill.invoice.month.to.date";

    private static final Logger log = LoggerFactory.getLogger(BillingMetrics.class);

    private final DayFiguresSql figures;
    private final BillingZone zone;
    private final MultiGauge day;
    private final MultiGauge traffic;
    private final MultiGauge amount;
    private final MultiGauge exceptions;
    private final MultiGauge containers;
    private final MultiGauge monthToDate;
    private volatile LocalDate lastBilled;

    BillingMetrics(JdbcTemplate jdbc, PriceBook book, MeterRegistry registry) {
        this.figures = new DayFiguresSql(jdbc);
        this.zone = book.zone();
        this.day = gauge(registry, DAY, "Start of the billed day the flowbill_day_* gauges describe (Unix time)",
                "seconds");
        this.traffic = gauge(registry, TRAFFIC, "Traffic metered in the hours of the billed day", "bytes");
        this.amount = gauge(registry, AMOUNT, "Amount of the billed day's charge lines, in the currency label", null);
        this.exceptions = gauge(registry, EXCEPTIONS, "Unresolved metering exceptions of the billed day's hours", null);
        this.containers = gauge(registry, CONTAINERS, "Containers with charge lines on the billed day", null);
        this.monthToDate = gauge(registry, MONTH_TO_DATE, "Invoice total of the billed day's month so far, per tenant",
                null);
    }

    /** Billing stored {@code date}: report its figures. A failure is logged; it never fails the billing. */
    public void dayBilled(LocalDate date) {
        lastBilled = date;
        try {
            show(date);
        }
        catch (RuntimeException e) {
            log.warn("reading the figures of {} for the metrics failed: {}", date, e.toString());
        }
    }

    /** Reads the figures again: of the day this process billed last, or else of the latest rated day. */
    void refresh() {
        LocalDate date = lastBilled != null ? lastBilled : figures.latestRatedDay();
        if (date != null) {
            show(date);
        }
    }

    private void show(LocalDate date) {
        var from = zone.startOf(date);
        var to = zone.startOf(date.plusDays(1));
        set(traffic, figures.trafficBytes(from, to));
        set(amount, figures.billedAmounts(date));
        set(exceptions, figures.exceptions(from, to));
        set(containers, figures.containersBilled(date));
        set(monthToDate, figures.monthToDate(date.withDayOfMonth(1)));
        day.register(List.of(Row.of(Tags.empty(), from.getEpochSecond())), true);
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

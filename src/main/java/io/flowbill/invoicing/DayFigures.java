package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A rated day in numbers, for the run summary.
 *
 * @param date                 the day in the billing zone
 * @param containersByChargeType containers with charge lines, by charge type ({@code package}, {@code on_demand})
 * @param amountByItem         the day's amounts by item, e.g. {@code compute}
 * @param currency             the price book's currency, of every amount
 * @param exceptionsByKind     the day's unresolved metering exceptions by kind
 */
public record DayFigures(LocalDate date, SortedMap<String, Long> containersByChargeType,
        SortedMap<String, BigDecimal> amountByItem, String currency, SortedMap<String, Long> exceptionsByKind) {

    public DayFigures {
        containersByChargeType = copy(containersByChargeType);
        amountByItem = copy(amountByItem);
        exceptionsByKind = copy(exceptionsByKind);
    }

    private static <V> SortedMap<String, V> copy(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}

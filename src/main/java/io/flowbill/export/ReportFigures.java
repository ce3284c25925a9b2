package io.flowbill.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a tenant's day report shows; the charge and exception figures are those counted while the day's CSV files
 * were written, so the page always agrees with them.
 *
 * @param tenant         the tenant
 * @param date           the billing day
 * @param zone           the billing zone
 * @param currency       the price book's currency
 * @param charges        the charges file's figures
 * @param exceptions     the exceptions file's figures
 * @param traffic        the day's metered traffic
 * @param priceVersions  the price versions of the day's charge lines
 * @param runId          the rating run that last changed the day's lines; null when never rated
 * @param chargesFile    the charges file's name
 * @param exceptionsFile the exceptions file's name
 * @param monthToDate    the month as its invoice computes it
 * @param top            the day's containers with the largest amounts, largest first
 * @param dayBefore      the day before's amounts by item; null when that day was never rated
 * @param unbilled       the containers metered in the day that were not billed, by why
 */
record ReportFigures(String tenant, LocalDate date, ZoneId zone, String currency, ChargeTally charges,
        ExceptionTally exceptions, Traffic traffic, List<String> priceVersions, Long runId, String chargesFile,
        String exceptionsFile, MonthToDate monthToDate, List<TopContainer> top,
        SortedMap<String, BigDecimal> dayBefore, UnbilledContainers unbilled) {

    ReportFigures {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(monthToDate, "monthToDate");
        Objects.requireNonNull(unbilled, "unbilled");
        priceVersions = List.copyOf(priceVersions);
        top = List.copyOf(top);
        dayBefore = dayBefore == null ? null : new TreeMap<>(dayBefore);
    }

    static String fileName(LocalDate date) {
        return "report-" + date + ".html";
    }
}

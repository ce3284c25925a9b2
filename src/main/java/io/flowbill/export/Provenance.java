package io.flowbill.export;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a file's data came from, as its manifest entry names it: the rating run that last changed the charge lines
 * behind it ({@code rated_day.run_id}, which a re-rating that changes nothing leaves as it was, so the same data
 * names the same run) and the price versions of those lines.
 */
final class Provenance {

    private final JdbcTemplate jdbc;

    Provenance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run that last changed the tenant's charge lines of the day; null when its day was never rated. */
    Long runOfDay(String tenant, LocalDate date) {
        List<Long> runs = jdbc.queryForList("select run_id from rated_day where tenant_id = ? and charge_date = ?",
                Long.class, tenant, Date.valueOf(date));
        return runs.isEmpty() ? null : runs.get(0);
    }

    /** The days of the month that were rated for the tenant, in order. */
    List<LocalDate> ratedDays(String tenant, YearMonth month) {
        return jdbc.queryForList("select charge_date from rated_day where tenant_id = ? and charge_date >= ?"
                + " and charge_date < ? order by charge_date", Date.class, tenant, first(month), first(month.plusMonths(1)))
                .stream().map(Date::toLocalDate).toList();
    }

    /** Whether the tenant has an invoice for the month. */
    boolean hasInvoice(String tenant, YearMonth month) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from invoice where tenant_id = ? and billing_month = ?)", Boolean.class,
                tenant, first(month)));
    }

    /** The months an invoice's lines come from: its own and those its adjustment lines correct, in order. */
    List<YearMonth> monthsOfInvoice(String tenant, YearMonth month) {
        SortedSet<YearMonth> months = new TreeSet<>(List.of(month));
        jdbc.queryForList("""
                select distinct l.corrects_month from invoice i join invoice_line l on l.invoice_id = i.id
                 where i.tenant_id = ? and i.billing_month = ? and l.corrects_month is not null
                """, Date.class, tenant, first(month)).forEach(date -> months.add(YearMonth.from(date.toLocalDate())));
        return new ArrayList<>(months);
    }

    /** The latest run that changed the tenant's charge lines of any day of the months; null when none was rated. */
    Long runOfMonths(String tenant, Collection<YearMonth> months) {
        Long latest = null;
        for (YearMonth month : months) {
            Long run = jdbc.queryForObject("select max(run_id) from rated_day where tenant_id = ? and charge_date >= ?"
                    + " and charge_date < ?", Long.class, tenant, first(month), first(month.plusMonths(1)));
            if (run != null && (latest == null || run > latest)) {
                latest = run;
            }
        }
        return latest;
    }

    /** The price versions of the tenant's daily and month-level lines in the months, sorted. */
    List<String> priceVersionsOf(String tenant, Collection<YearMonth> months) {
        SortedSet<String> versions = new TreeSet<>();
        for (YearMonth month : months) {
            versions.addAll(jdbc.queryForList("""
                    select price_version from charge_line where tenant_id = ? and charge_date >= ? and charge_date < ?
                    union
                    select price_version from month_charge_line where tenant_id = ? and billing_month = ?
                    """, String.class, tenant, first(month), first(month.plusMonths(1)), tenant, first(month)));
        }
        return List.copyOf(versions);
    }

    private static Date first(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }
}

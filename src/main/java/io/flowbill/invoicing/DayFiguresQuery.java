package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.flowbill.invoicing.DayFigureRows.Amount;
import io.flowbill.invoicing.DayFigureRows.Containers;
import io.flowbill.invoicing.DayFigureRows.Exceptions;
import io.flowbill.invoicing.DayFigureRows.MonthTotal;
import io.flowbill.invoicing.DayFigureRows.Traffic;
import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.ChargeType;
import io.flowbill.pricing.PriceBook;

/**
 * The one place that reads a day's figures from the tables: containers billed, amounts, traffic, metering
 * exceptions and the month's invoice total so far, each per tenant. The run summary ({@link #of}) and the metrics
 * both read them here.
 */
@Component
public class DayFiguresQuery {

    private final JdbcTemplate jdbc;
    private final BillingZone zone;
    private final String currency;

    DayFiguresQuery(JdbcTemplate jdbc, PriceBook book) {
        this.jdbc = jdbc;
        this.zone = book.zone();
        this.currency = book.currency().getCurrencyCode();
    }

    /** The tenant's day in numbers for its run summary. */
    public DayFigures of(String tenant, LocalDate date) {
        SortedMap<String, Long> containers = new TreeMap<>();
        containers(date).stream().filter(row -> row.tenant().equals(tenant)).forEach(row -> containers.merge(
                ChargeType.ofCode(row.chargeType()).name().toLowerCase(Locale.ROOT), row.count(), Long::sum));
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        amounts(date).stream().filter(row -> row.tenant().equals(tenant))
                .forEach(row -> amounts.merge(row.item(), row.amount(), BigDecimal::add));
        SortedMap<String, Long> exceptions = new TreeMap<>();
        exceptions(date).stream().filter(row -> row.tenant().equals(tenant))
                .forEach(row -> exceptions.merge(row.kind(), row.count(), Long::sum));
        return new DayFigures(date, containers, amounts, currency, exceptions);
    }

    /** The latest day that was rated, or null when none was. */
    public LocalDate latestRatedDay() {
        Date day = jdbc.queryForObject("select max(charge_date) from rated_day", Date.class);
        return day == null ? null : day.toLocalDate();
    }

    /** The day's charge-line amounts by tenant, item, charge type and currency. */
    public List<Amount> amounts(LocalDate date) {
        return jdbc.query("""
                select tenant_id, item, charge_type, currency, sum(amount) from charge_line where charge_date = ?
                 group by tenant_id, item, charge_type, currency
                """, (rs, n) -> new Amount(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getBigDecimal(5)), Date.valueOf(date));
    }

    /** Containers with charge lines on the day, by tenant, charge type and spec. */
    public List<Containers> containers(LocalDate date) {
        return jdbc.query("""
                select tenant_id, charge_type, spec_id, count(distinct container_id) from charge_line
                 where charge_date = ? group by tenant_id, charge_type, spec_id
                """, (rs, n) -> new Containers(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)),
                Date.valueOf(date));
    }

    /** Traffic metered in the day's hours (billing zone), by tenant, charge type and network charge type. */
    public List<Traffic> traffic(LocalDate date) {
        return jdbc.query("""
                select tenant_id, charge_type, network_charge_type, coalesce(sum(up_mb), 0), coalesce(sum(down_mb), 0)
                  from usage_hour where window_start >= ? and window_start < ?
                 group by tenant_id, charge_type, network_charge_type
                """, (rs, n) -> new Traffic(rs.getString(1), rs.getInt(2), rs.getObject(3, Integer.class),
                rs.getBigDecimal(4), rs.getBigDecimal(5)), Timestamp.from(zone.startOf(date)),
                Timestamp.from(zone.startOf(date.plusDays(1))));
    }

    /** Unresolved metering exceptions of the day's hours (billing zone), by tenant and kind. */
    public List<Exceptions> exceptions(LocalDate date) {
        return jdbc.query("""
                select tenant_id, kind, count(*) from metering_exception
                 where window_start >= ? and window_start < ? and not resolved group by tenant_id, kind
                """, (rs, n) -> new Exceptions(rs.getString(1), rs.getString(2), rs.getLong(3)),
                Timestamp.from(zone.startOf(date)), Timestamp.from(zone.startOf(date.plusDays(1))));
    }

    /** Every unresolved metering exception, whatever its day, by tenant and kind. */
    public List<Exceptions> unresolvedExceptions() {
        return jdbc.query("""
                select tenant_id, kind, count(*) from metering_exception where not resolved group by tenant_id, kind
                """, (rs, n) -> new Exceptions(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /** The invoice total of every tenant for the month starting on {@code month}. */
    public List<MonthTotal> monthToDate(LocalDate month) {
        return jdbc.query("select tenant_id, currency, total from invoice where billing_month = ?",
                (rs, n) -> new MonthTotal(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)),
                Date.valueOf(month.withDayOfMonth(1)));
    }
}

package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.flowbill.pricing.BillingZone;
import io.flowbill.pricing.ChargeType;
import io.flowbill.pricing.PriceBook;

/** Counts what a day's rating left: containers billed, amounts by item, metering exceptions of the day. */
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

    public DayFigures of(LocalDate date) {
        SortedMap<String, Long> containers = new TreeMap<>();
        jdbc.query("""
                select charge_type, count(distinct (tenant_id, container_id)) from charge_line
                 where charge_date = ? group by charge_type
                """, rs -> {
            containers.put(ChargeType.ofCode(rs.getInt(1)).name().toLowerCase(Locale.ROOT), rs.getLong(2));
        }, Date.valueOf(date));
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        jdbc.query("select item, sum(amount) from charge_line where charge_date = ? group by item", rs -> {
            amounts.put(rs.getString(1), rs.getBigDecimal(2));
        }, Date.valueOf(date));
        SortedMap<String, Long> exceptions = new TreeMap<>();
        jdbc.query("""
                select kind, count(*) from metering_exception
                 where window_start >= ? and window_start < ? and not resolved group by kind
                """, rs -> {
            exceptions.put(rs.getString(1), rs.getLong(2));
        }, Timestamp.from(zone.startOf(date)), Timestamp.from(zone.startOf(date.plusDays(1))));
        return new DayFigures(date, containers, amounts, currency, exceptions);
    }
}

package io.flowbill.metrics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.metering.MeteringException;
import io.micrometer.core.instrument.Tags;

/**
 * The business figures of one day as the tables hold them, one query each, keyed by their (bounded) labels.
 * Several stored codes may share a label (an unknown code), so values with equal labels are added up.
 */
final class DayFiguresSql {

    /** Bytes in a MB, as metering counts them (1 MB = 1024 KB = 1024 x 1024 B). */
    static final BigDecimal BYTES_PER_MB = BigDecimal.valueOf(1024L * 1024L);

    private final JdbcTemplate jdbc;

    DayFiguresSql(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest day that was rated, or null when none was. */
    LocalDate latestRatedDay() {
        Date day = jdbc.queryForObject("select max(charge_date) from rated_day", Date.class);
        return day == null ? null : day.toLocalDate();
    }

    /** Metered traffic of the usage hours in {@code [from, to)}, in bytes, by direction and charge types. */
    Map<Tags, BigDecimal> trafficBytes(Instant from, Instant to) {
        Map<Tags, BigDecimal> bytes = new LinkedHashMap<>();
        jdbc.query("""
                select charge_type, network_charge_type, coalesce(sum(up_mb), 0), coalesce(sum(down_mb), 0)
                  from usage_hour where window_start >= ? and window_start < ?
                 group by charge_type, network_charge_type
                """, rs -> {
            Tags charge = Tags.of("charge_type", Labels.chargeType(rs.getInt(1)),
                    "network_charge_type", Labels.networkChargeType(rs.getObject(2, Integer.class)));
            bytes.merge(charge.and("direction", "out"), rs.getBigDecimal(3).multiply(BYTES_PER_MB), BigDecimal::add);
            bytes.merge(charge.and("direction", "in"), rs.getBigDecimal(4).multiply(BYTES_PER_MB), BigDecimal::add);
        }, Timestamp.from(from), Timestamp.from(to));
        return bytes;
    }

    /** The day's charge-line amounts by item, charge type and currency. */
    Map<Tags, BigDecimal> billedAmounts(LocalDate date) {
        Map<Tags, BigDecimal> amounts = new LinkedHashMap<>();
        jdbc.query("""
                select item, charge_type, currency, sum(amount) from charge_line where charge_date = ?
                 group by item, charge_type, currency
                """, rs -> {
            amounts.merge(Tags.of("item", rs.getString(1), "charge_type", Labels.chargeType(rs.getInt(2)),
                    "currency", rs.getString(3)), rs.getBigDecimal(4), BigDecimal::add);
        }, Date.valueOf(date));
        return amounts;
    }

    /** Containers with charge lines on the day, by charge type and spec id. */
    Map<Tags, BigDecimal> containersBilled(LocalDate date) {
        Map<Tags, BigDecimal> containers = new LinkedHashMap<>();
        jdbc.query("""
                select charge_type, spec_id, count(distinct (tenant_id, container_id)) from charge_line
                 where charge_date = ? group by charge_type, spec_id
                """, rs -> {
            containers.merge(Tags.of("charge_type", Labels.chargeType(rs.getInt(1)),
                    "spec", Integer.toString(rs.getInt(2))), BigDecimal.valueOf(rs.getLong(3)), BigDecimal::add);
        }, Date.valueOf(date));
        return containers;
    }

    /** Unresolved metering exceptions of the hours in {@code [from, to)} by kind; every known kind, 0 if none. */
    Map<Tags, BigDecimal> exceptions(Instant from, Instant to) {
        Map<Tags, BigDecimal> exceptions = new LinkedHashMap<>();
        for (MeteringException.Kind kind : MeteringException.Kind.values()) {
            exceptions.put(Tags.of("kind", kind.code()), BigDecimal.ZERO);
        }
        jdbc.query("""
                select kind, count(*) from metering_exception
                 where window_start >= ? and window_start < ? and not resolved group by kind
                """, rs -> {
            exceptions.merge(Tags.of("kind", rs.getString(1)), BigDecimal.valueOf(rs.getLong(2)), BigDecimal::add);
        }, Timestamp.from(from), Timestamp.from(to));
        return exceptions;
    }

    /** The invoice total of every tenant for the month starting on {@code month}. */
    Map<Tags, BigDecimal> monthToDate(LocalDate month) {
        Map<Tags, BigDecimal> totals = new LinkedHashMap<>();
        jdbc.query("select tenant_id, currency, total from invoice where billing_month = ?", rs -> {
            totals.merge(Tags.of("tenant", rs.getString(1), "currency", rs.getString(2)), rs.getBigDecimal(3),
                    BigDecimal::add);
        }, Date.valueOf(month));
        return totals;
    }
}

package io.flowbill.export;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import io.flowbill.pricing.PriceBook;
import io.flowbill.pricing.Rounding;

/**
 * A tenant's traffic of one day per hour, for the report: as rating counted it in its read of the day's
 * {@code usage_hour} ({@code usage_hour_day}), or summed from {@code usage_hour} for a day rating did not count.
 */
final class TrafficQuery {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** A rated day's hours as rating counted them while reading the day's usage ({@code usage_hour_day}). */
    private static final String RATED = """
            select window_start, up_mb, down_mb, unreadable from usage_hour_day
             where tenant_id = ? and charge_date = ? and window_start >= ? and window_start < ?
            """;

    /** A day that was not rated since rating began counting its hours: its usage hours summed here. */
    private static final String UNRATED = """
            select window_start, coalesce(sum(up_mb), 0) as up_mb, coalesce(sum(down_mb), 0) as down_mb,
                   count(*) filter (where up_mb is null or down_mb is null) as unreadable
              from usage_hour
             where tenant_id = ? and window_start >= ? and window_start < ?
             group by window_start
            """;

    private final JdbcTemplate jdbc;
    private final PriceBook book;

    TrafficQuery(JdbcTemplate jdbc, PriceBook book) {
        this.jdbc = jdbc;
        this.book = book;
    }

    Traffic of(String tenant, LocalDate date) {
        Instant from = book.zone().startOf(date);
        Instant to = book.zone().startOf(date.plusDays(1));
        BigDecimal mbPerGb = mbPerGb(from);
        Map<Instant, BigDecimal[]> mb = new HashMap<>();
        long[] unreadable = { 0 };
        RowCallbackHandler hourRow = rs -> {
            mb.put(rs.getObject("window_start", OffsetDateTime.class).toInstant(),
                    new BigDecimal[] { rs.getBigDecimal("up_mb"), rs.getBigDecimal("down_mb") });
            unreadable[0] += rs.getLong("unreadable");
        };
        if (DayReportQuery.counted(jdbc, tenant, date)) {
            jdbc.query(RATED, hourRow, tenant, Date.valueOf(date), Timestamp.from(from), Timestamp.from(to));
        } else {
            jdbc.query(UNRATED, hourRow, tenant, Timestamp.from(from), Timestamp.from(to));
        }
        List<Traffic.Hour> hours = new ArrayList<>();
        BigDecimal outMb = BigDecimal.ZERO;
        BigDecimal inMb = BigDecimal.ZERO;
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            BigDecimal[] sums = mb.getOrDefault(hour, new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
            outMb = outMb.add(sums[0]);
            inMb = inMb.add(sums[1]);
            hours.add(new Traffic.Hour(hour, HOUR.format(hour.atZone(book.zone().id())),
                    Rounding.quantity(sums[0], mbPerGb), Rounding.quantity(sums[1], mbPerGb)));
        }
        return new Traffic(hours, Rounding.quantity(outMb, mbPerGb), Rounding.quantity(inMb, mbPerGb), unreadable[0],
                mbPerGb);
    }

    /** MB per GB of the version in force at the day's start (a day before the first version: the first's). */
    private BigDecimal mbPerGb(Instant dayStart) {
        boolean before = book.versions().get(0).effectiveFrom().isAfter(dayStart);
        return (before ? book.versions().get(0) : book.versionAt(dayStart)).mbPerGb();
    }
}

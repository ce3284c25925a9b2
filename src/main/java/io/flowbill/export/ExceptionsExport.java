package io.flowbill.export;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.pricing.BillingZone;

/**
 * {@code exceptions-<YYYY-MM-DD>.csv}: a tenant's unresolved metering exceptions in the hours of one day, by
 * container_id, window_start and kind.
 */
final class ExceptionsExport {

    static final List<String> HEADER = List.of("tenant", "date", "container_id", "window_start", "kind", "raw_value",
            "message");

    private static final String SQL = """
            select tenant_id, container_id, window_start, kind, raw_value, message from metering_exception
             where tenant_id = ? and window_start >= ? and window_start < ? and not resolved
             order by container_id, window_start, kind collate "C"
            """;

    private ExceptionsExport() {
    }

    static String fileName(LocalDate date) {
        return "exceptions-" + date + ".csv";
    }

    /** Writes the file into {@code folder} and counts its rows into {@code tally}. */
    static AtomicFile.Written write(JdbcTemplate jdbc, Path folder, BillingZone zone, String tenant, LocalDate date,
            boolean bom, ExceptionTally tally) {
        return CsvFile.write(folder.resolve(fileName(date)), HEADER, bom, sink -> jdbc.query(SQL, rs -> {
            long containerId = rs.getLong("container_id");
            String windowStart = rs.getObject("window_start", OffsetDateTime.class).toInstant().toString();
            String raw = rs.getString("raw_value");
            String message = rs.getString("message");
            sink.row(
                    rs.getString("tenant_id"),
                    date.toString(),
                    Long.toString(containerId),
                    windowStart,
                    rs.getString("kind"),
                    CsvCells.untrusted(raw),
                    CsvCells.untrusted(message));
            tally.add(new ExceptionTally.Listed(containerId, windowStart, rs.getString("kind"), raw, message));
        }, tenant, Timestamp.from(zone.startOf(date)), Timestamp.from(zone.startOf(date.plusDays(1)))));
    }
}

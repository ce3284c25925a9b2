package io.flowbill.export;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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

    static Path write(JdbcTemplate jdbc, ExportFolders folders, BillingZone zone, String tenant, LocalDate date) {
        Path target = folders.of(tenant, YearMonth.from(date)).resolve("exceptions-" + date + ".csv");
        return CsvFile.write(target, HEADER, sink -> jdbc.query(SQL, rs -> {
            sink.row(
                    rs.getString("tenant_id"),
                    date.toString(),
                    Long.toString(rs.getLong("container_id")),
                    rs.getObject("window_start", OffsetDateTime.class).toInstant().toString(),
                    rs.getString("kind"),
                    CsvCells.untrusted(rs.getString("raw_value")),
                    CsvCells.untrusted(rs.getString("message")));
        }, tenant, Timestamp.from(zone.startOf(date)), Timestamp.from(zone.startOf(date.plusDays(1)))));
    }
}

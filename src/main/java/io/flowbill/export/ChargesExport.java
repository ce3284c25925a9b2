package io.flowbill.export;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

import io.flowbill.pricing.ChargeType;

/**
 * {@code charges-<YYYY-MM-DD>.csv}: a tenant's charge lines of one day, by container_id, item and tier, each with the
 * container's name in force at the day's end ({@link ContainerNames}).
 */
final class ChargesExport {

    static final List<String> HEADER = List.of("tenant", "date", "container_id", "container_name", "charge_type",
            "spec_id", "item", "tier", "quantity", "unit", "unit_price", "amount", "currency", "price_version");

    private static final String SQL = """
            select l.tenant_id, l.charge_date, l.container_id, coalesce(v.name, c.name) as name, l.charge_type,
                   l.spec_id, l.item, l.tier, l.quantity, l.unit, l.unit_price, l.amount, l.currency, l.price_version
              from charge_line l
              left join container c on c.tenant_id = l.tenant_id and c.container_id = l.container_id
              left join (""" + ContainerNames.allInForceBefore() + """
                ) v on v.container_id = l.container_id
             where l.tenant_id = ? and l.charge_date = ?
             order by l.container_id, l.item collate "C", l.tier, l.charge_type, l.spec_id, l.price_version collate "C"
            """;

    private ChargesExport() {
    }

    static String fileName(LocalDate date) {
        return "charges-" + date + ".csv";
    }

    /** Writes the file into {@code folder} and counts its rows into {@code tally}. */
    static AtomicFile.Written write(JdbcTemplate jdbc, Path folder, String tenant, LocalDate date, Instant dayEnd,
            boolean bom, ChargeTally tally) {
        return CsvFile.write(folder.resolve(fileName(date)), HEADER, bom, sink -> jdbc.query(SQL, rs -> {
            long containerId = rs.getLong("container_id");
            String chargeType = ChargeType.ofCode(rs.getInt("charge_type")).name().toLowerCase(Locale.ROOT);
            BigDecimal amount = rs.getBigDecimal("amount");
            sink.row(
                    rs.getString("tenant_id"),
                    rs.getDate("charge_date").toLocalDate().toString(),
                    Long.toString(containerId),
                    CsvCells.untrusted(rs.getString("name")),
                    chargeType,
                    Integer.toString(rs.getInt("spec_id")),
                    rs.getString("item"),
                    CsvCells.tier(rs.getInt("tier")),
                    CsvCells.quantity(rs.getBigDecimal("quantity")),
                    rs.getString("unit"),
                    CsvCells.decimal(rs.getBigDecimal("unit_price")),
                    CsvCells.decimal(amount),
                    rs.getString("currency"),
                    rs.getString("price_version"));
            tally.add(containerId, rs.getString("item"), chargeType, amount, rs.getString("price_version"));
        }, tenant, Timestamp.from(dayEnd), tenant, Date.valueOf(date)));
    }
}

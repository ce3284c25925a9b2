package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What COPY stores is exactly what the row held: text with the characters COPY's own format uses (tab, line
 * breaks, backslash, {@code \N}), NULL apart from the empty text, decimals at their scale and written in plain
 * notation (seen in a text column), and instants and dates as they were.
 */
class CopyInIT {

    record Stored(int id, String name, BigDecimal amount, String written, Instant at, LocalDate day) {
    }

    @Test
    void storesEveryValueExactlyAsTheRowHeldIt() throws Exception {
        TestDatabase.Database db = TestDatabase.fresh();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.url(), db.user(), db.password(), true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("create table copied (id int, name text, amount numeric, written text, at timestamptz,"
                    + " day date)");
            String awkward = "web\t01\nline two\r\\backslash \\N \"quoted\", comma 价格";
            Instant at = Instant.parse("2026-11-25T16:00:00.123456Z");
            LocalDate day = LocalDate.parse("2026-11-26");

            long rows = new CopyIn("copied (id, name, amount, written, at, day)")
                    .row(1, awkward, new BigDecimal("1E+3"), new BigDecimal("1E+3"), at, day)
                    .row(2, "", new BigDecimal("1E-9"), new BigDecimal("1E-9"), null, null)
                    .row(3, null, new BigDecimal("-0.50"), new BigDecimal("-0.50"), Instant.EPOCH,
                            LocalDate.parse("2026-02-28"))
                    .row(4, "\\N", null, null, null, null)
                    .send(dataSource);

            List<Stored> stored = jdbc.query("select id, name, amount, written, at, day from copied order by id",
                    (rs, row) -> new Stored(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class) == null ? null
                                    : rs.getObject(5, OffsetDateTime.class).toInstant(),
                            rs.getObject(6, LocalDate.class)));
            assertThat(rows).as("rows PostgreSQL copied").isEqualTo(4);
            assertThat(stored).containsExactly(
                    new Stored(1, awkward, new BigDecimal("1000"), "1000", at, day),
                    new Stored(2, "", new BigDecimal("0.000000001"), "0.000000001", null, null),
                    new Stored(3, null, new BigDecimal("-0.50"), "-0.50", Instant.EPOCH,
                            LocalDate.parse("2026-02-28")),
                    new Stored(4, "\\N", null, null, null, null));
        }
        finally {
            dataSource.destroy();
        }
    }
}

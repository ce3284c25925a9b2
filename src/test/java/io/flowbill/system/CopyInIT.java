package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** COPY rows keep text with quotes, commas and line breaks, NULLs, and decimals in plain notation. */
class CopyInIT {

    @Test
    void copiesTextNullsAndDecimalsExactly() throws Exception {
        TestDatabase.Database db = TestDatabase.fresh();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(db.url(), db.user(), db.password(), true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("create table copied (id int, name text, amount numeric)");

            long rows = new CopyIn("copied (id, name, amount)")
                    .value(1).text("a \"quoted\", name\nover two lines").value(new BigDecimal("1E+3")).endRow()
                    .value(2).text(null).value(null).endRow()
                    .send(dataSource);

            List<String> stored = jdbc.query("select id, name, amount::text from copied order by id",
                    (rs, row) -> rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            assertThat(rows).as("rows PostgreSQL copied").isEqualTo(2);
            assertThat(stored).containsExactly("1|a \"quoted\", name\nover two lines|1000", "2|null|null");
        }
        finally {
            dataSource.destroy();
        }
    }
}

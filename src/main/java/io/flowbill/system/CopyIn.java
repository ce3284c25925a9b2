package io.flowbill.system;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN} (text format) on the connection of the current transaction: rows are
 * added one at a time and sent in one round trip, several times faster than batched inserts. Commons CSV's
 * {@link CSVFormat#POSTGRESQL_TEXT} writes the rows: tab between fields, {@code \N} for NULL, and a backslash
 * before a tab, line break or backslash inside a value, so any text stays data.
 */
public final class CopyIn {

    private final String sql;
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private final CSVPrinter printer;

    /** {@code table (columns)}: the target of the {@code COPY}. */
    public CopyIn(String tableAndColumns) {
        this.sql = "copy " + tableAndColumns + " from stdin";
        try {
            this.printer = new CSVPrinter(rows, CSVFormat.POSTGRESQL_TEXT);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One row, its values in the order of the columns: {@code null} is NULL, a {@link BigDecimal} is written in
     * plain notation (never {@code 1E+3}), anything else as its {@code toString()} ({@code Instant} and
     * {@code LocalDate} in ISO 8601, which PostgreSQL reads as they are).
     */
    public CopyIn row(Object... values) {
        try {
            printer.printRecord(Arrays.stream(values)
                    .map(value -> value instanceof BigDecimal decimal ? decimal.toPlainString() : value));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sends the rows on the transaction's connection; returns the number of rows PostgreSQL copied. */
    public long send(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
        }
        catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("copy in", sql, e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}

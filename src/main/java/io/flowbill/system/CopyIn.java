package io.flowbill.system;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)} on the connection of the current transaction: rows are
 * added one at a time as CSV fields and sent in one round trip, several times faster than batched inserts.
 */
public final class CopyIn {

    private final String sql;
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private boolean rowStarted;

    /** {@code table (columns)}: the target of the {@code COPY}. */
    public CopyIn(String tableAndColumns) {
        this.sql = "copy " + tableAndColumns + " from stdin (format csv)";
    }

    /** A text field, quoted (a quote doubled), so commas, quotes and line breaks in it stay data. */
    public CopyIn text(String value) {
        separate();
        if (value != null) {
            rows.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return this;
    }

    /**
     * A number, date or other value whose text has no comma, quote or line break; {@code null} is NULL. A
     * {@link BigDecimal} is written in plain notation, never as {@code 1E+3}.
     */
    public CopyIn value(Object value) {
        separate();
        if (value instanceof BigDecimal decimal) {
            rows.append(decimal.toPlainString());
        }
        else if (value != null) {
            rows.append(value);
        }
        return this;
    }

    public CopyIn endRow() {
        rows.append('\n');
        rowStarted = false;
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

    private void separate() {
        if (rowStarted) {
            rows.append(',');
        }
        rowStarted = true;
    }
}

package io.flowbill.serve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The scheduler's PostgreSQL advisory lock: one serve instance works at a time per database, the others find it
 * taken and skip their tick. Held on its own connection until closed; a process that dies releases it with its
 * session.
 */
final class ServeLock implements AutoCloseable {

    static final String KEY = "flowbill:serve";

    private final Connection connection;

    private ServeLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock, or empty when another session holds it. */
    static Optional<ServeLock> tryAcquire(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(
                "select pg_try_advisory_lock(hashtextextended(?, 0))")) {
            statement.setString(1, KEY);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return Optional.of(new ServeLock(connection));
                }
            }
        }
        catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    @Override
    public void close() throws SQLException {
        try (connection; PreparedStatement statement = connection.prepareStatement(
                "select pg_advisory_unlock(hashtextextended(?, 0))")) {
            statement.setString(1, KEY);
            statement.execute();
        }
    }
}

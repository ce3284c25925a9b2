package io.flowbill.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A PostgreSQL advisory lock on a text key (e.g. {@code rating:acme:2026-11-25}, {@code flowbill:serve}), held by a
 * transaction of its own, open on a connection of its own from {@link #on} to {@link #close}: across processes one
 * transaction holds a key at a time, and a process that dies releases its locks with its session. The lock is the
 * transaction's ({@code pg_try_advisory_xact_lock}), not the session's: behind PgBouncer in transaction pooling a
 * client keeps its server connection only while a transaction is open, so a session-level lock would stay on a server
 * connection that the pooler hands to another client, which could then take the "same" lock again, and a release
 * could reach another server connection (docs/scaling.md, "PgBouncer"). The one place flowbill writes the
 * advisory-lock SQL ({@link JobRunner}'s business keys, the partition keys, the serve scheduler's lock).
 */
public final class AdvisoryLock implements AutoCloseable {

    private final Connection connection;
    private final String key;
    private boolean held;

    private AdvisoryLock(Connection connection, String key) {
        this.connection = connection;
        this.key = key;
    }

    /** A connection, its transaction open, for the lock of {@code key}: {@link #tryLock}, then {@link #close}. */
    public static AdvisoryLock on(DataSource dataSource, String key) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
        }
        catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return new AdvisoryLock(connection, key);
    }

    /**
     * The key of a partition's step execution, held by the worker running it ({@code io.flowbill.cluster}) and by
     * the recovery of a stale execution ({@link StaleExecutions}) while it marks the partition FAILED.
     */
    public static String partitionKey(long stepExecutionId) {
        return "partition:" + stepExecutionId;
    }

    public String key() {
        return key;
    }

    /** Takes the lock if no other transaction holds it; answers whether this one holds it now. */
    public boolean tryLock() throws SQLException {
        if (!held) {
            held = call("select pg_try_advisory_xact_lock(hashtextextended(?, 0))");
        }
        return held;
    }

    /**
     * Ends the lock's transaction (rolled back: it wrote nothing), which releases the lock, and returns the
     * connection. A rollback that fails (the connection was lost) throws after the connection is closed: the session
     * that ends with it has released the lock.
     */
    @Override
    public void close() throws SQLException {
        try (connection) {
            held = false;
            connection.rollback();
        }
    }

    private boolean call(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}

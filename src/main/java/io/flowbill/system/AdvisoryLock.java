package io.flowbill.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A PostgreSQL session-level advisory lock on a text key (e.g. {@code rating:acme:2026-11-25}, {@code flowbill:serve}),
 * held on a connection of its own: across processes one session holds a key at a time, and a process that dies
 * releases its locks with its session. The one place flowbill writes the advisory-lock SQL ({@link JobRunner}'s
 * business keys, the serve scheduler's lock).
 */
public final class AdvisoryLock implements AutoCloseable {

    private final Connection connection;
    private final String key;
    private boolean held;

    private AdvisoryLock(Connection connection, String key) {
        this.connection = connection;
        this.key = key;
    }

    /** A connection for the lock of {@code key}, not taken yet: {@link #tryLock}, then {@link #close}. */
    public static AdvisoryLock on(DataSource dataSource, String key) throws SQLException {
        return new AdvisoryLock(dataSource.getConnection(), key);
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

    /** Takes the lock if no other session holds it; answers whether this one holds it now. */
    public boolean tryLock() throws SQLException {
        if (!held) {
            held = call("select pg_try_advisory_lock(hashtextextended(?, 0))");
        }
        return held;
    }

    /**
     * Releases the lock (when held) and returns the connection. A release that fails (the connection was lost)
     * throws after the connection is closed: the session that ends with it has released the lock.
     */
    @Override
    public void close() throws SQLException {
        try (connection) {
            if (held) {
                held = false;
                call("select pg_advisory_unlock(hashtextextended(?, 0))");
            }
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

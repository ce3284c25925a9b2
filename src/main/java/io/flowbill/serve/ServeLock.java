package io.flowbill.serve;

import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.flowbill.system.AdvisoryLock;

/**
 * The scheduler's PostgreSQL advisory lock ({@link AdvisoryLock} on {@value #KEY}): one serve instance works at a
 * time per database, the others find it taken and skip their tick. Held on its own connection until closed; a
 * process that dies releases it with its session.
 */
final class ServeLock implements AutoCloseable {

    static final String KEY = "flowbill:serve";

    private final AdvisoryLock lock;

    private ServeLock(AdvisoryLock lock) {
        this.lock = lock;
    }

    /** The lock, or empty when another session holds it. */
    static Optional<ServeLock> tryAcquire(DataSource dataSource) throws SQLException {
        AdvisoryLock lock = AdvisoryLock.on(dataSource, KEY);
        try {
            if (lock.tryLock()) {
                return Optional.of(new ServeLock(lock));
            }
        }
        catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
        lock.close();
        return Optional.empty();
    }

    @Override
    public void close() throws SQLException {
        lock.close();
    }
}

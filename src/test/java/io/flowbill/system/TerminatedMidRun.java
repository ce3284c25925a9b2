package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * Makes a run fail half way through with a real database fault: the run's first query on {@code table} waits behind
 * a lock this helper holds, and once it waits, its connection is terminated ({@code pg_terminate_backend}), as an
 * administrator, a failover or a restart of PostgreSQL would. Everything the run did before that query is done.
 */
public final class TerminatedMidRun {

    private static final Duration PATIENCE = Patience.seconds(60);

    private TerminatedMidRun() {
    }

    /** Runs {@code run} with its first read of {@code table} killed; returns what the run threw. */
    public static Throwable whenReading(DataSource dataSource, String table, Callable<?> run) throws Exception {
        CompletableFuture<Object> running;
        try (Connection lock = dataSource.getConnection(); Connection watch = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement locking = lock.createStatement(); Statement statement = watch.createStatement()) {
                locking.execute("lock table " + table + " in access exclusive mode");
                running = CompletableFuture.supplyAsync(() -> {
                    try {
                        return run.call();
                    }
                    catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                int pid = waitingOn(statement, table, running);
                try (ResultSet terminated = statement.executeQuery("select pg_terminate_backend(" + pid + ")")) {
                    assertThat(terminated.next() && terminated.getBoolean(1)).as("terminated backend %s", pid).isTrue();
                }
            }
            finally {
                lock.rollback();
            }
        }
        try {
            Object result = running.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("the run completed although its connection was terminated: " + result);
        }
        catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            return cause instanceof IllegalStateException wrapped && wrapped.getCause() != null ? wrapped.getCause()
                    : cause;
        }
    }

    private static int waitingOn(Statement statement, String table, CompletableFuture<Object> running)
            throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (running.isDone()) {
                throw new AssertionError("the run ended before it read " + table + ": " + running.handle(
                        (result, failure) -> failure == null ? result : failure).get());
            }
            try (ResultSet waiting = statement.executeQuery("""
                    select pid from pg_stat_activity
                     where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'
                       and query like '%%%s%%'
                    """.formatted(table))) {
                if (waiting.next()) {
                    return waiting.getInt(1);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no query waited on " + table + " within " + PATIENCE);
    }
}

package io.flowbill.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import io.flowbill.system.TestDatabase;

/**
 * The test's own view of a case's database while flowbill runs against it: Spring Batch's job repository tables
 * and PostgreSQL's {@code pg_stat_activity}, read on one connection every 20 ms.
 */
final class CaseDatabase implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(20);

    /** The {@code application_name} of the test's own connections, which the test never counts or ends. */
    static final String APPLICATION = "flowbill-reliability-test";

    private final TestDatabase.Database database;
    private final Connection connection;

    CaseDatabase(TestDatabase.Database database) throws SQLException {
        this.database = database;
        this.connection = connect(database);
    }

    TestDatabase.Database database() {
        return database;
    }

    boolean tableExists(String table) {
        return number("select count(*) from pg_tables where schemaname = current_schema() and tablename = '"
                + table + "'") > 0;
    }

    /** Rows of a table, 0 while flowbill has not created it yet. */
    long rows(String table) {
        return tableExists(table) ? number("select count(*) from " + table) : 0;
    }

    /** The status of the last execution of a step (partition steps are named {@code step:partition}), or null. */
    String stepStatus(String stepName) {
        return tableExists("batch_step_execution") ? text("select status from batch_step_execution where step_name = '"
                + stepName + "' order by step_execution_id desc limit 1") : null;
    }

    /** The status of the last execution of a job, or null. */
    String jobStatus(String jobName) {
        return tableExists("batch_job_execution") ? text("""
                select e.status from batch_job_execution e join batch_job_instance i using (job_instance_id)
                 where i.job_name = '%s' order by e.job_execution_id desc limit 1""".formatted(jobName)) : null;
    }

    /** Backends of this database (not the test's) waiting for a lock of this kind ({@code advisory}, {@code relation}). */
    long waitingFor(String lockType) {
        return number("select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                + " and wait_event_type = 'Lock' and wait_event = '" + lockType + "' and application_name <> '" + APPLICATION + "'");
    }

    /** Ends every other connection to the database, as a database restart or a network cut would. */
    long terminateOtherConnections() {
        return number("select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database()"
                + " and pid <> pg_backend_pid() and application_name <> '" + APPLICATION + "'");
    }

    /**
     * The job and step executions the job repository shows unfinished (STARTING, STARTED, STOPPING, UNKNOWN), e.g.
     * {@code ratingJob UNKNOWN, ratingPartitionStep:containers0 STARTED}; "none" when every one ended.
     */
    String unfinished() {
        if (!tableExists("batch_step_execution")) {
            return "none";
        }
        String found = text("""
                select string_agg(name || ' ' || status, ', ' order by name) from (
                  select i.job_name as name, e.status from batch_job_execution e
                    join batch_job_instance i using (job_instance_id)
                   where e.status in ('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')
                  union all
                  select step_name, status from batch_step_execution
                   where status in ('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')) t""");
        return found == null ? "none" : found;
    }

    /**
     * Makes the database refuse every new connection (or accept them again), as a database that is down would;
     * PostgreSQL takes that only from a session of another database, the maintenance database {@code postgres}.
     */
    void refuseConnections(boolean refuse) {
        String name = text("select current_database()");
        String maintenance = database.url().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
        try (Connection other = java.sql.DriverManager.getConnection(maintenance, database.user(), database.password());
                Statement statement = other.createStatement()) {
            statement.execute("alter database \"" + name + "\" allow_connections " + !refuse);
        }
        catch (SQLException e) {
            throw new IllegalStateException("allow_connections " + !refuse + ": " + e.getMessage(), e);
        }
    }

    /** Polls every 20 ms until {@code reached}; fails when {@code alive} turns false first or time runs out. */
    static void await(String what, BooleanSupplier reached, BooleanSupplier alive, Duration patience)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!reached.getAsBoolean()) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("the process ended before " + what);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not reached within " + patience + ": " + what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** A connection of the test's own, named so that the test can tell it from flowbill's. */
    static Connection connect(TestDatabase.Database database) throws SQLException {
        Connection connection = database.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set application_name = '" + APPLICATION + "'");
        }
        return connection;
    }

    long number(String sql) {
        String value = text(sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    String text(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

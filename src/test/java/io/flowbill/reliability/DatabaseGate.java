package io.flowbill.reliability;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.flowbill.system.TestDatabase;

/**
 * Holds flowbill still at an exact point, so that a kill lands there and not a few milliseconds later: a trigger
 * (added to the case's database by the test, dropped before the run is repeated) makes inserts into one table wait
 * for an advisory lock the test holds. The rows are unchanged; only the moment they are written is chosen.
 */
final class DatabaseGate implements AutoCloseable {

    private static final long KEY = 7_211_001;

    private final Connection holder;
    private final String table;
    private boolean open;

    private DatabaseGate(Connection holder, String table) {
        this.holder = holder;
        this.table = table;
    }

    /**
     * Closes the gate: from now on an insert into {@code table} waits, of each row matching {@code rowCondition}
     * (SQL on {@code new}), or of every statement when the condition is null.
     */
    static DatabaseGate before(TestDatabase.Database database, String table, String rowCondition) throws SQLException {
        return before(database, "insert", table, rowCondition);
    }

    /** The same for another statement ({@code update}, {@code delete}) on {@code table}. */
    static DatabaseGate before(TestDatabase.Database database, String event, String table, String rowCondition)
            throws SQLException {
        Connection holder = CaseDatabase.connect(database);
        try (Statement statement = holder.createStatement()) {
            statement.execute("select pg_advisory_lock(" + KEY + ")");
            statement.execute("""
                    create or replace function reliability_gate() returns trigger language plpgsql as $$
                    begin
                      perform pg_advisory_xact_lock_shared(%d);
                      if tg_level = 'ROW' then return new; end if;
                      return null;
                    end $$""".formatted(KEY));
            statement.execute("create trigger reliability_gate before " + event + " on " + table
                    + (rowCondition == null ? " for each statement" : " for each row when (" + rowCondition + ")")
                    + " execute function reliability_gate()");
        }
        return new DatabaseGate(holder, table);
    }

    /** Lets the waiting insert through, and every later one. */
    void open() throws SQLException {
        if (!open) {
            try (Statement statement = holder.createStatement()) {
                statement.execute("select pg_advisory_unlock(" + KEY + ")");
            }
            open = true;
        }
    }

    /** Opens the gate and removes the trigger, leaving the schema as flowbill made it. */
    @Override
    public void close() throws SQLException {
        try (holder; Statement statement = holder.createStatement()) {
            open();
            statement.execute("drop trigger if exists reliability_gate on " + table);
            statement.execute("drop function if exists reliability_gate()");
        }
    }
}

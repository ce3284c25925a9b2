package io.flowbill.billing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Makes inserts into one table fail while it is open, with a trigger the test adds and drops: a run then fails at a
 * chosen point, after everything before it committed, as it would when its connection is lost there.
 */
final class Failing implements AutoCloseable {

    private final DataSource dataSource;
    private final String table;

    private Failing(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** Every insert into {@code table} fails with "{@code <table>} refused". */
    static Failing everyRow(DataSource dataSource, String table) throws SQLException {
        return create(dataSource, table, "true");
    }

    /**
     * An insert into {@code table} of the day's highest container id that has usage fails with "the last container":
     * the rating's earlier chunks commit, its last one does not.
     */
    static Failing lastContainerOf(DataSource dataSource, String table) throws SQLException {
        return create(dataSource, table, "new.container_id = (select max(container_id) from usage_hour"
                + " where tenant_id = new.tenant_id and billable and window_start >= new.charge_date - interval '1 day')");
    }

    private static Failing create(DataSource dataSource, String table, String condition) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create or replace function failing_insert() returns trigger language plpgsql as $$
                    begin
                      if %s then
                        raise exception '%s refused: the last container';
                      end if;
                      return new;
                    end $$""".formatted(condition, table));
            statement.execute("create trigger failing_insert before insert on " + table
                    + " for each row execute function failing_insert()");
        }
        return new Failing(dataSource, table);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop trigger if exists failing_insert on " + table);
            statement.execute("drop function if exists failing_insert()");
        }
    }
}

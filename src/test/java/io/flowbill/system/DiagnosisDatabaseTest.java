package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one line for a database that ended the run's sessions or refuses new ones (issue 22). */
class DiagnosisDatabaseTest {

    private static final Map<String, String> SETTINGS = Map.of("spring.datasource.url",
            "jdbc:postgresql://db:5432/flowbill");

    @Test
    void aSessionEndedByTheServerIsALostConnectionToResume() {
        SQLException ended = new SQLException("FATAL: terminating connection due to administrator command", "57P01");

        assertThat(Diagnosis.of(new IllegalStateException("export failed", ended), SETTINGS::get))
                .contains("database: the connection to jdbc:postgresql://db:5432/flowbill was lost (FATAL: terminating"
                        + " connection due to administrator command); PostgreSQL ended it (a restart, or an administrator"
                        + " ended the session): check that it is up, then run the same command again to resume");
    }

    @Test
    void aDatabaseRefusingConnectionsCannotBeConnectedTo() {
        SQLException refused = new SQLException("FATAL: database \"flowbill\" is not currently accepting connections",
                "55000");

        assertThat(Diagnosis.of(refused, SETTINGS::get)).contains("database: cannot connect to"
                + " jdbc:postgresql://db:5432/flowbill (FATAL: database \"flowbill\" is not currently accepting"
                + " connections); check spring.datasource.url and that PostgreSQL is up");
    }
}

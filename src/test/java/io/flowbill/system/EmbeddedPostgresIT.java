package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The binaries the build packs are the PostgreSQL major version the data-directory check expects. */
class EmbeddedPostgresIT {

    @Test
    void thePackedBinariesAreTheMajorVersionTheChecksExpect(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("postgres");
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(new EmbeddedDatabaseProperties(dir));
                HikariDataSource dataSource = configuration.dataSource(postgres);
                Connection connection = dataSource.getConnection();
                ResultSet version = connection.createStatement().executeQuery("show server_version_num")) {
            version.next();

            assertThat(version.getInt(1) / 10000).as("server_version_num=%s", version.getString(1))
                    .isEqualTo(Integer.parseInt(EmbeddedPostgresPlatform.MAJOR));
            assertThat(Files.readString(dir.resolve("PG_VERSION")).trim()).isEqualTo(EmbeddedPostgresPlatform.MAJOR);
        }
    }
}

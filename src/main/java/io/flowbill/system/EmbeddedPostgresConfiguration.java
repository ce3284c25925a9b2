package io.flowbill.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so that flowbill
 * runs on a fresh Linux or macOS machine with only a JDK. Its data stays under {@code flowbill.embedded-db.dir}
 * (default {@code ./data/postgres}), so a second run sees the first run's results. A machine or a data directory
 * it cannot serve is refused in one line before it starts ({@link EmbeddedPostgresPlatform}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceConfigured.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path dir = properties.dir().toAbsolutePath().normalize();
        EmbeddedPostgresPlatform.checkThisMachine();
        EmbeddedPostgresPlatform.checkDataDirectory(dir);
        Files.createDirectories(dir.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .start();
        log.info("DEMO: no spring.datasource.url configured: using embedded PostgreSQL on port {} with its data in {}",
                postgres.getPort(), dir);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }

}

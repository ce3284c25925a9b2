package io.flowbill.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings of the embedded PostgreSQL used when no datasource is configured.
 *
 * @param dir where its data files are kept between runs
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.embedded-db")
public record EmbeddedDatabaseProperties(@NotNull @DefaultValue("data/postgres") Path dir) {
}

package io.flowbill.export;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings of the CSV exports ({@code flowbill.export.*}).
 *
 * @param dir the folder under which each tenant and month gets {@code <tenant>/<YYYY-MM>/}
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.export")
public record ExportProperties(@NotNull @DefaultValue("out") Path dir) {
}

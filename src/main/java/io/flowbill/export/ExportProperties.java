package io.flowbill.export;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings of the exports ({@code flowbill.export.*}).
 *
 * @param dir      the folder under which each tenant and month gets {@code <tenant>/<YYYY-MM>/}
 * @param excelBom whether CSV files start with a UTF-8 byte order mark, so that Excel opens them as UTF-8
 *                 (Chinese container names stay readable); the manifest and the report never have one
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.export")
public record ExportProperties(@NotNull @DefaultValue("out") Path dir, @DefaultValue("false") boolean excelBom) {
}

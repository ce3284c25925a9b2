package io.flowbill.export;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings of the exports ({@code flowbill.export.*}).
 *
 * @param dir            the folder under which each tenant and month gets {@code <tenant>/<YYYY-MM>/}
 * @param excelBom       whether CSV files start with a UTF-8 byte order mark, so that Excel opens them as UTF-8
 *                       (Chinese container names stay readable); the manifest and the report never have one
 * @param signingKeyFile the key that signs every {@code manifest.json} ({@link SigningKey}: an Ed25519 private key
 *                       as PEM PKCS#8, or an HMAC-SHA256 key, raw or base64); null: manifests are unsigned. Only
 *                       the file's path is a setting: the key itself is read once and never logged or stored
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.export")
public record ExportProperties(@NotNull @DefaultValue("out") Path dir, @DefaultValue("false") boolean excelBom,
        Path signingKeyFile) {

    /** The setting of {@link #signingKeyFile}, as a refusal names it. */
    static final String SIGNING_KEY_SETTING = "flowbill.export.signing-key-file";
}

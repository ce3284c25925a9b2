package io.flowbill.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The embedded PostgreSQL refuses, in one line and before starting, a machine or a data directory it cannot serve. */
class EmbeddedPostgresPlatformTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "Linux, amd64", "Linux, aarch64", "Mac OS X, x86_64", "Mac OS X, aarch64" })
    void linuxAndMacOnX86AndArmAreServed(String osName, String osArch) {
        assertThatCode(() -> EmbeddedPostgresPlatform.check(osName, osArch, false)).doesNotThrowAnyException();
    }

    @Test
    void windowsIsRefusedNamingTheServerSetting() {
        assertThatThrownBy(() -> EmbeddedPostgresPlatform.check("Windows 11", "amd64", false))
                .isInstanceOf(ConfigurationRefused.class)
                .hasMessage("the embedded PostgreSQL does not run on Windows 11 amd64; it is built for Linux (glibc)"
                        + " and macOS on x86-64 and ARM64: set spring.datasource.url to a PostgreSQL 15 server");
    }

    @Test
    void alpineLinuxIsRefusedForItsMusl() {
        assertThatThrownBy(() -> EmbeddedPostgresPlatform.check("Linux", "amd64", true))
                .isInstanceOf(ConfigurationRefused.class)
                .hasMessageStartingWith("the embedded PostgreSQL does not run on Linux amd64 with musl (Alpine);");
    }

    @Test
    void aDataDirectoryOfAnotherMajorVersionIsRefusedBeforeTheServerStarts(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("postgres"));
        Files.writeString(dir.resolve("PG_VERSION"), "14\n");

        assertThatThrownBy(() -> new EmbeddedPostgresConfiguration().embeddedPostgres(new EmbeddedDatabaseProperties(dir)))
                .isInstanceOf(ConfigurationRefused.class)
                .hasMessageStartingWith(dir + " holds a PostgreSQL 14 database; the embedded PostgreSQL is 15")
                .hasMessageContaining("flowbill.embedded-db.dir");
    }

    @Test
    void aNewOrSameVersionDataDirectoryIsAccepted(@TempDir Path tmp) throws Exception {
        Path same = Files.createDirectories(tmp.resolve("same"));
        Files.writeString(same.resolve("PG_VERSION"), EmbeddedPostgresPlatform.MAJOR + "\n");

        assertThatCode(() -> EmbeddedPostgresPlatform.checkDataDirectory(tmp.resolve("new"))).doesNotThrowAnyException();
        assertThatCode(() -> EmbeddedPostgresPlatform.checkDataDirectory(same)).doesNotThrowAnyException();
    }
}

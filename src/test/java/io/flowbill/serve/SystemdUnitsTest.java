package io.flowbill.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.flowbill.system.ExternalTool;

/**
 * {@code jobs/systemd/}: the units pass {@code systemd-analyze verify}, score "OK" in
 * {@code systemd-analyze security}, create no world-readable file, and serve stops restarting after a few failed
 * starts.
 */
class SystemdUnitsTest {

    private static final Path FOLDER = Path.of("jobs/systemd");
    private static final String NO_SYSTEMD_ANALYZE =
            "systemd-analyze is not installed (Debian: apt-get install systemd); skipping the systemd checks";
    /** {@code systemd-analyze security} exposure, in tenths: 2.0 and below is "OK" (8.7 "EXPOSED" unhardened). */
    private static final String EXPOSURE_THRESHOLD = "20";

    @Test
    void everyUnitPassesSystemdAnalyzeVerifyWithoutAWarning() throws IOException {
        ExternalTool.require(ExternalTool.installed("systemd-analyze", "--version"), NO_SYSTEMD_ANALYZE);
        ExternalTool.require(Files.isExecutable(Path.of("/usr/bin/java")),
                "/usr/bin/java does not exist here, and verify requires the units' ExecStart to; skipping verify");
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
        units(".service", ".timer").forEach(unit -> command.add(unit.toString()));

        ExternalTool.Run verify = ExternalTool.run("", command.toArray(String[]::new));

        assertThat(command).hasSize(2 + 5);
        assertThat(verify.exit()).as("%s", verify).isZero();
        assertThat(verify.output()).as("%s", verify).isBlank();
    }

    @Test
    void everyServiceIsExposedNoMoreThanSystemdAnalyzeSecurityCallsOk() throws IOException {
        ExternalTool.require(ExternalTool.installed("systemd-analyze", "--version"), NO_SYSTEMD_ANALYZE);
        for (Path service : units(".service")) {
            ExternalTool.Run security = ExternalTool.run("", "systemd-analyze", "security", "--offline=true",
                    "--threshold=" + EXPOSURE_THRESHOLD, service.toString());

            assertThat(security.exit()).as("%s", security).isZero();
            assertThat(security.output()).as("%s", security).containsPattern("Overall exposure level for .*: [0-2]\\.\\d OK");
        }
    }

    @Test
    void everyServiceCreatesNoWorldReadableFileAndWritesOnlyFlowbillsFolders() throws IOException {
        List<Path> services = units(".service");
        assertThat(services).hasSize(3);
        for (Path service : services) {
            Map<String, List<String>> settings = settings(service, "Service");
            assertThat(settings).as("%s", service)
                    .containsEntry("UMask", List.of("0027"))
                    .containsEntry("ProtectSystem", List.of("strict"))
                    .containsEntry("ProtectHome", List.of("true"))
                    .containsEntry("PrivateTmp", List.of("true"))
                    .containsEntry("NoNewPrivileges", List.of("true"))
                    .containsEntry("CapabilityBoundingSet", List.of(""))
                    .containsEntry("User", List.of("flowbill"));
            assertThat(settings.get("ReadWritePaths")).as("ReadWritePaths of %s", service)
                    .containsExactly("/var/lib/flowbill", "-/var/lib/node_exporter/textfile_collector");
        }
    }

    @Test
    void aServiceThatRestartsGivesUpAfterAFewFailedStarts() throws IOException {
        int restarting = 0;
        for (Path service : units(".service")) {
            if (settings(service, "Service").containsKey("Restart")) {
                restarting++;
                Map<String, List<String>> unit = settings(service, "Unit");
                assertThat(unit).as("[Unit] of %s", service).containsKeys("StartLimitIntervalSec", "StartLimitBurst");
                assertThat(Integer.parseInt(unit.get("StartLimitBurst").get(0))).as("StartLimitBurst of %s", service)
                        .isBetween(1, 10);
            }
        }
        assertThat(restarting).as("services with Restart= (serve)").isEqualTo(1);
    }

    @Test
    void theOneShotsReadTheSettingsThatPushTheirMetrics() throws IOException {
        Map<String, String> environment = ShippedSettings.assignments(Files.readString(FOLDER.resolve("flowbill.env")));
        assertThat(environment.get("FLOWBILL_METRICS_PUSHGATEWAY_URL")).as("Pushgateway in flowbill.env")
                .matches("https?://[^/\\s]+");
        for (String oneShot : List.of("flowbill-meter.service", "flowbill-nightly.service")) {
            assertThat(settings(FOLDER.resolve(oneShot), "Service").get("EnvironmentFile")).as(oneShot)
                    .containsExactly("/etc/flowbill/flowbill.env");
        }
    }

    private static List<Path> units(String... suffixes) throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> Stream.of(suffixes).anyMatch(s -> f.toString().endsWith(s))).sorted().toList();
        }
    }

    /** The settings of one section of a unit file, each key with its values in order (comments skipped). */
    private static Map<String, List<String>> settings(Path unit, String section) throws IOException {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(unit)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                current = trimmed.substring(1, trimmed.length() - 1);
            }
            else if (section.equals(current) && !trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                String key = trimmed.substring(0, trimmed.indexOf('='));
                settings.computeIfAbsent(key, k -> new ArrayList<>()).add(trimmed.substring(trimmed.indexOf('=') + 1));
            }
        }
        return settings;
    }
}

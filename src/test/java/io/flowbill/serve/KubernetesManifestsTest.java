package io.flowbill.serve;

import static io.flowbill.serve.KubernetesManifests.list;
import static io.flowbill.serve.KubernetesManifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.flowbill.serve.KubernetesManifests.Document;
import io.flowbill.serve.KubernetesManifests.Pod;
import io.flowbill.system.ExternalTool;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code jobs/kubernetes/} checked offline: every document matches the Kubernetes (and Prometheus Operator) JSON
 * schemas, every pod passes the Pod Security "restricted" profile and can read its secrets, every volume claim and
 * ConfigMap a pod uses is defined, serve and the workers are scraped, the workers probed and scaled on their queue,
 * and the CronJobs push their metrics.
 */
class KubernetesManifestsTest {

    private static final Path SCHEMAS = Path.of("src/test/kubernetes-schema");
    private static final Map<String, String> API_VERSIONS = Map.of("ConfigMap", "v1", "PersistentVolumeClaim", "v1",
            "Service", "v1", "CronJob", "batch/v1", "Deployment", "apps/v1",
            "ServiceMonitor", "monitoring.coreos.com/v1", "PrometheusRule", "monitoring.coreos.com/v1",
            "PodMonitor", "monitoring.coreos.com/v1", "ScaledObject", "keda.sh/v1alpha1",
            "TriggerAuthentication", "keda.sh/v1alpha1");
    private static final int FLOWBILL_USER = 10001;

    private final KubernetesManifests manifests;

    KubernetesManifestsTest() throws IOException {
        manifests = KubernetesManifests.load();
    }

    @Test
    void everyDocumentMatchesTheKubernetesSchemas() throws IOException {
        ExternalTool.require(ExternalTool.installed("node", "--version")
                        && Files.isDirectory(SCHEMAS.resolve("node_modules/kubernetes-models")),
                "the Kubernetes schemas are not installed (npm ci --prefix " + SCHEMAS + ", as .ci/run does); "
                        + "skipping the schema check");
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Document document : manifests.documents()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", document.source().toString());
            entry.put("document", document.content());
            entries.add(entry);
        }

        ExternalTool.Run validation = ExternalTool.run(JsonMapper.builder().build().writeValueAsString(entries),
                "node", SCHEMAS.resolve("validate.mjs").toString());

        assertThat(validation.exit()).as("%s", validation).isZero();
        assertThat(validation.output().lines().filter(line -> line.startsWith("ok "))).as("%s", validation)
                .hasSize(manifests.documents().size());
    }

    @Test
    void everyDocumentNamesAKnownKindAtItsApiVersionAndAValidName() {
        assertThat(manifests.documents()).as("documents in %s", KubernetesManifests.FOLDER).hasSizeGreaterThanOrEqualTo(8);
        for (Document document : manifests.documents()) {
            assertThat(API_VERSIONS).as("kind of %s", document).containsKey(document.kind());
            assertThat(document.content().get("apiVersion")).as("apiVersion of %s", document)
                    .isEqualTo(API_VERSIONS.get(document.kind()));
            assertThat(document.name()).as("metadata.name of %s", document)
                    .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
        }
        for (Pod pod : manifests.pods()) {
            assertThat(pod.containers()).as("containers of %s", pod).isNotEmpty()
                    .allSatisfy(container -> assertThat(container).as("a container of %s", pod)
                            .containsKeys("name", "image"));
        }
    }

    @Test
    void everyPodPassesTheRestrictedPodSecurityProfile() {
        assertThat(manifests.pods()).as("pods").extracting(Pod::toString).containsExactlyInAnyOrder(
                "jobs/kubernetes/cronjob.yaml CronJob flowbill-nightly", "jobs/kubernetes/cronjob.yaml CronJob flowbill-meter",
                "jobs/kubernetes/serve.yaml Deployment flowbill-serve",
                "jobs/kubernetes/worker-deployment.yaml Deployment flowbill-worker");
        for (Pod pod : manifests.pods()) {
            assertThat(RestrictedPodSecurity.violations(pod.spec())).as("restricted profile: %s", pod).isEmpty();
            assertThat(pod.spec()).as("%s", pod).containsEntry("automountServiceAccountToken", false);
        }
    }

    @Test
    void theRestrictedProfileCheckNamesEachViolationOfAPodAsTheManifestsHadIt() {
        // the pod security context the manifests had, plus a hostPath volume
        Map<String, Object> before = Map.of(
                "securityContext", Map.of("runAsNonRoot", true, "runAsUser", FLOWBILL_USER),
                "containers", List.of(Map.of("name", "flowbill", "image", "flowbill")),
                "volumes", List.of(Map.of("name", "host", "hostPath", Map.of("path", "/var"))));

        assertThat(RestrictedPodSecurity.violations(before)).containsExactlyInAnyOrder(
                "volume host is of type hostPath",
                "container flowbill: seccompProfile.type is null, not RuntimeDefault or Localhost",
                "container flowbill: allowPrivilegeEscalation is not false",
                "container flowbill: capabilities.drop does not contain ALL");
    }

    @Test
    void everyContainerWritesOnlyToItsVolumes() {
        for (Pod pod : manifests.pods()) {
            Set<String> emptyDirs = new HashSet<>();
            pod.volumes().stream().filter(v -> v.containsKey("emptyDir")).forEach(v -> emptyDirs.add((String) v.get("name")));
            for (Map<String, Object> container : pod.containers()) {
                assertThat(map(container, "securityContext")).as("container of %s", pod)
                        .containsEntry("readOnlyRootFilesystem", true);
                assertThat(list(container, "volumeMounts")).as("the JVM's /tmp in %s", pod)
                        .anySatisfy(mount -> {
                            assertThat(mount).containsEntry("mountPath", "/tmp");
                            assertThat(emptyDirs).contains((String) mount.get("name"));
                        });
            }
        }
    }

    @Test
    void theFlowbillUserCanReadTheMountedSecretsAndNoOtherUserCan() {
        for (Pod pod : manifests.pods()) {
            Map<String, Object> context = pod.securityContext();
            assertThat(context).as("securityContext of %s", pod).containsEntry("runAsUser", FLOWBILL_USER)
                    .containsEntry("runAsGroup", FLOWBILL_USER).containsEntry("fsGroup", FLOWBILL_USER);
            List<Map<String, Object>> secrets = pod.volumes().stream().filter(v -> v.containsKey("secret")).toList();
            assertThat(secrets).as("secret volumes of %s", pod).isNotEmpty();
            for (Map<String, Object> volume : secrets) {
                // files are owned by root and by the fsGroup: the group must read them, others must not
                int mode = ((Number) map(volume, "secret").get("defaultMode")).intValue();
                assertThat(mode & 0040).as("group read bit of defaultMode %s in %s", Integer.toOctalString(mode), pod)
                        .isNotZero();
                assertThat(mode & 0007).as("others' bits of defaultMode %s in %s", Integer.toOctalString(mode), pod)
                        .isZero();
                assertThat(mode & 0222).as("write bits of defaultMode %s in %s", Integer.toOctalString(mode), pod)
                        .isZero();
            }
        }
    }

    @Test
    void everyVolumeClaimAndConfigMapAPodUsesIsDefined() {
        Set<Object> used = new HashSet<>();
        for (Pod pod : manifests.pods()) {
            for (Map<String, Object> volume : pod.volumes()) {
                Object claim = map(volume, "persistentVolumeClaim").get("claimName");
                if (claim != null) {
                    used.add(claim);
                    Map<String, Object> spec = map(manifests.find("PersistentVolumeClaim", (String) claim).content(), "spec");
                    assertThat(spec).as("claim %s", claim).containsKey("accessModes");
                    assertThat(map(map(spec, "resources"), "requests")).as("claim %s", claim).containsKey("storage");
                }
            }
            for (Map<String, Object> container : pod.containers()) {
                for (Map<String, Object> source : list(container, "envFrom")) {
                    Object configMap = map(source, "configMapRef").get("name");
                    assertThat(configMap).as("envFrom of %s", pod).isNotNull();
                    used.add(manifests.find("ConfigMap", (String) configMap).name());
                }
            }
        }
        assertThat(used).as("claims and ConfigMaps the pods use").contains("flowbill-exports", "flowbill-config");
    }

    @Test
    void aClaimThatSeveralWorkloadsMountIsReadWriteManySoThatTheyMayRunOnDifferentNodes() {
        Map<Object, Set<String>> mountedBy = new LinkedHashMap<>();
        for (Pod pod : manifests.pods()) {
            for (Map<String, Object> volume : pod.volumes()) {
                Object claim = map(volume, "persistentVolumeClaim").get("claimName");
                if (claim != null) {
                    mountedBy.computeIfAbsent(claim, c -> new HashSet<>()).add(pod.toString());
                }
            }
        }

        assertThat(mountedBy.get("flowbill-exports")).as("workloads mounting flowbill-exports").hasSizeGreaterThan(1);
        mountedBy.forEach((claim, pods) -> {
            if (pods.size() > 1) {
                Map<String, Object> spec = map(manifests.find("PersistentVolumeClaim", (String) claim).content(), "spec");
                assertThat(new ArrayList<Object>((List<?>) spec.get("accessModes"))).as("accessModes of %s, mounted by %s", claim, pods)
                        .contains("ReadWriteMany");
            }
        });
    }

    @Test
    void everyCronJobPushesItsMetricsToThePushgateway() {
        Map<String, Object> config = map(manifests.find("ConfigMap", "flowbill-config").content(), "data");
        assertThat((String) config.get("FLOWBILL_METRICS_PUSHGATEWAY_URL")).as("Pushgateway in flowbill-config")
                .matches("https?://[^/\\s]+");
        List<Pod> cronJobs = manifests.pods().stream().filter(p -> p.owner().kind().equals("CronJob")).toList();
        assertThat(cronJobs).hasSize(2);
        for (Pod pod : cronJobs) {
            assertThat(pod.containers()).as("containers of %s", pod).allSatisfy(container ->
                    assertThat(list(container, "envFrom")).as("envFrom of %s", pod)
                            .contains(Map.of("configMapRef", Map.of("name", "flowbill-config"))));
        }
    }

    @Test
    void serveIsScrapedThroughItsAnnotationsAndItsServiceMonitor() {
        Pod serve = manifests.pods().stream().filter(p -> p.owner().name().equals("flowbill-serve")).findFirst().orElseThrow();
        Map<String, Object> container = serve.containers().get(0);
        Object containerPort = list(container, "ports").get(0).get("containerPort");
        assertThat(map(serve.metadata(), "annotations")).as("scrape annotations of %s", serve)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(containerPort))
                .containsEntry("prometheus.io/path", "/actuator/prometheus");

        Map<String, Object> service = manifests.find("Service", "flowbill-serve").content();
        Map<String, Object> monitor = map(manifests.find("ServiceMonitor", "flowbill-serve").content(), "spec");
        assertThat(map(service, "metadata").get("labels")).as("labels the ServiceMonitor selects")
                .isEqualTo(map(map(monitor, "selector"), "matchLabels"));
        assertThat(map(map(service, "spec"), "selector")).as("the Service selects serve's pod")
                .isEqualTo(map(serve.metadata(), "labels"));
        Set<Object> servicePorts = new HashSet<>();
        list(map(service, "spec"), "ports").forEach(port -> servicePorts.add(port.get("name")));
        assertThat(list(monitor, "endpoints")).as("ServiceMonitor endpoints").singleElement().satisfies(endpoint -> {
            assertThat(endpoint).containsEntry("path", "/actuator/prometheus");
            assertThat(servicePorts).contains(endpoint.get("port"));
        });
    }

    @Test
    void workersAreProbedScrapedAndScaledOnTheirManagementPortAndQueue() {
        Pod worker = manifests.pods().stream().filter(p -> p.owner().name().equals("flowbill-worker")).findFirst()
                .orElseThrow();
        Map<String, Object> container = worker.containers().get(0);
        Map<String, Object> management = list(container, "ports").stream()
                .filter(port -> "management".equals(port.get("name"))).findFirst().orElseThrow();
        assertThat(management).as("the worker's management port (management.server.port's default)")
                .containsEntry("containerPort", 8081);
        assertThat(map(map(container, "livenessProbe"), "httpGet")).as("liveness probe of %s", worker)
                .containsEntry("path", "/actuator/health/liveness").containsEntry("port", "management");
        assertThat(map(map(container, "readinessProbe"), "httpGet")).as("readiness probe of %s", worker)
                .containsEntry("path", "/actuator/health/readiness").containsEntry("port", "management");
        assertThat(map(worker.metadata(), "annotations")).as("scrape annotations of %s", worker)
                .containsEntry("prometheus.io/port", "8081").containsEntry("prometheus.io/path", "/actuator/prometheus");
        // the shutdown's limit (flowbill.serve.shutdown-timeout, 60 s) and time for the JVM to stop
        assertThat(((Number) worker.spec().get("terminationGracePeriodSeconds")).intValue())
                .as("terminationGracePeriodSeconds of %s", worker).isGreaterThan(60);

        Map<String, Object> monitor = map(manifests.find("PodMonitor", "flowbill-worker").content(), "spec");
        assertThat(map(map(monitor, "selector"), "matchLabels")).as("pods the PodMonitor selects")
                .isEqualTo(map(worker.metadata(), "labels"));
        assertThat(list(monitor, "podMetricsEndpoints")).singleElement().satisfies(endpoint -> assertThat(endpoint)
                .containsEntry("port", "management").containsEntry("path", "/actuator/prometheus")
                .containsEntry("honorLabels", true));

        Map<String, Object> scaled = map(manifests.find("ScaledObject", "flowbill-worker").content(), "spec");
        assertThat(map(scaled, "scaleTargetRef")).containsEntry("name", worker.owner().name());
        Object queue = map(manifests.find("ConfigMap", "flowbill-cluster").content(), "data")
                .get("FLOWBILL_CLUSTER_REQUESTS_QUEUE");
        assertThat(list(scaled, "triggers")).singleElement().satisfies(trigger -> {
            assertThat(trigger).containsEntry("type", "rabbitmq");
            assertThat(map(trigger, "metadata")).containsEntry("queueName", queue).containsEntry("protocol", "http");
            assertThat(map(trigger, "authenticationRef")).containsEntry("name",
                    manifests.find("TriggerAuthentication", "flowbill-rabbitmq").name());
        });
    }
}

package io.flowbill.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * The documents of {@code jobs/kubernetes/*.yaml}, parsed as kubectl parses them (YAML 1.1: {@code 0440} is octal),
 * with helpers to walk their maps and find the pod specs of the workloads.
 */
record KubernetesManifests(List<Document> documents) {

    static final Path FOLDER = Path.of("jobs/kubernetes");

    /** One document and the file it came from. */
    record Document(Path source, Map<String, Object> content) {

        String kind() {
            return (String) content.get("kind");
        }

        String name() {
            return (String) map(content, "metadata").get("name");
        }

        @Override
        public String toString() {
            return source + " " + kind() + " " + name();
        }
    }

    /** A workload's pod spec. */
    record Pod(Document owner, Map<String, Object> spec, Map<String, Object> metadata) {

        List<Map<String, Object>> containers() {
            return list(spec, "containers");
        }

        List<Map<String, Object>> volumes() {
            return list(spec, "volumes");
        }

        Map<String, Object> securityContext() {
            return map(spec, "securityContext");
        }

        @Override
        public String toString() {
            return owner.toString();
        }
    }

    @SuppressWarnings("unchecked")
    static KubernetesManifests load() throws IOException {
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    if (document != null) {
                        documents.add(new Document(file, (Map<String, Object>) document));
                    }
                }
            }
        }
        return new KubernetesManifests(documents);
    }

    List<Document> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.kind())).toList();
    }

    Document find(String kind, String name) {
        return documents.stream().filter(d -> kind.equals(d.kind()) && name.equals(d.name())).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " " + name + " is defined in no file of " + FOLDER));
    }

    /** The pod templates of every CronJob and Deployment. */
    List<Pod> pods() {
        List<Pod> pods = new ArrayList<>();
        for (Document document : documents) {
            Map<String, Object> template = switch (document.kind()) {
                case "CronJob" -> map(map(map(map(document.content(), "spec"), "jobTemplate"), "spec"), "template");
                case "Deployment", "StatefulSet", "DaemonSet", "Job" -> map(map(document.content(), "spec"), "template");
                default -> null;
            };
            if (template != null) {
                pods.add(new Pod(document, map(template, "spec"), map(template, "metadata")));
            }
        }
        return pods;
    }

    /** The map under {@code key}, empty when absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    /** The list of maps under {@code key}, empty when absent. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}

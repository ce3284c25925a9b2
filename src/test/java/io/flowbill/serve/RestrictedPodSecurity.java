package io.flowbill.serve;

import static io.flowbill.serve.KubernetesManifests.list;
import static io.flowbill.serve.KubernetesManifests.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Pod Security Standards' "restricted" profile (which includes "baseline"), as far as a pod spec shows it
 * without a cluster: what the PodSecurity admission controller would refuse, one message per violation. Not
 * checked: AppArmor and SELinux annotations or options, and sysctls (none of flowbill's manifests sets them).
 */
final class RestrictedPodSecurity {

    private static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");
    private static final Set<String> SECCOMP_TYPES = Set.of("RuntimeDefault", "Localhost");

    private RestrictedPodSecurity() {
    }

    static List<String> violations(Map<String, Object> podSpec) {
        List<String> violations = new ArrayList<>();
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (Boolean.TRUE.equals(podSpec.get(host))) {
                violations.add(host + " is true");
            }
        }
        for (Map<String, Object> volume : list(podSpec, "volumes")) {
            volume.keySet().stream().filter(type -> !type.equals("name") && !RESTRICTED_VOLUME_TYPES.contains(type))
                    .forEach(type -> violations.add("volume " + volume.get("name") + " is of type " + type));
        }
        Map<String, Object> pod = map(podSpec, "securityContext");
        if (Long.valueOf(0).equals(number(pod.get("runAsUser")))) {
            violations.add("the pod runs as user 0");
        }
        for (Map<String, Object> container : containers(podSpec)) {
            String name = "container " + container.get("name");
            Map<String, Object> context = map(container, "securityContext");
            if (!Boolean.TRUE.equals(context.getOrDefault("runAsNonRoot", pod.get("runAsNonRoot")))) {
                violations.add(name + ": runAsNonRoot is not true (pod or container)");
            }
            if (Long.valueOf(0).equals(number(context.get("runAsUser")))) {
                violations.add(name + ": runs as user 0");
            }
            Object seccomp = map(context.containsKey("seccompProfile") ? context : pod, "seccompProfile").get("type");
            if (seccomp == null || !SECCOMP_TYPES.contains(seccomp)) {
                violations.add(name + ": seccompProfile.type is " + seccomp + ", not RuntimeDefault or Localhost");
            }
            if (!Boolean.FALSE.equals(context.get("allowPrivilegeEscalation"))) {
                violations.add(name + ": allowPrivilegeEscalation is not false");
            }
            if (Boolean.TRUE.equals(context.get("privileged"))) {
                violations.add(name + ": privileged");
            }
            Map<String, Object> capabilities = map(context, "capabilities");
            if (!(capabilities.get("drop") instanceof List<?> drop && drop.contains("ALL"))) {
                violations.add(name + ": capabilities.drop does not contain ALL");
            }
            if (capabilities.get("add") instanceof List<?> add && !Set.of("NET_BIND_SERVICE").containsAll(add)) {
                violations.add(name + ": capabilities.add " + add + " (only NET_BIND_SERVICE is allowed)");
            }
            if (context.containsKey("procMount") && !"Default".equals(context.get("procMount"))) {
                violations.add(name + ": procMount " + context.get("procMount"));
            }
            for (Map<String, Object> port : list(container, "ports")) {
                Long hostPort = number(port.get("hostPort"));
                if (hostPort != null && hostPort != 0) {
                    violations.add(name + ": hostPort " + hostPort);
                }
            }
        }
        return violations;
    }

    /** containers, initContainers and ephemeralContainers. */
    static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (String key : List.of("containers", "initContainers", "ephemeralContainers")) {
            containers.addAll(list(podSpec, key));
        }
        return containers;
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}

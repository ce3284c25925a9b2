package io.flowbill.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The JSON shapes the API answers with; field names become snake_case ({@link Json#MAPPER}). */
final class WireJson {

    private WireJson() {
    }

    record Error(int code, String message) {
    }

    record Token(String token, String expiresIn) {
    }

    record Id(long id) {
    }

    record ImageId(String imageId) {
    }

    record Flow(String containerUpFlow, String containerDownFlow) {
    }

    record ImageLists(List<Images.Image> customImages, List<Images.Image> publicImages) {
    }

    record ContainerList(int total, List<ContainerItem> containers) {
    }

    /** A container in the list ({@code ssh_key_ids} an array) or alone ({@code ssh_key_ids} a string). */
    record ContainerItem(long id, String name, String desc, String status, Integer bandwidth, int replicas,
            int chargeType, int specId, String createdAt, String updatedAt, String publicIp, String privateIp,
            Object sshKeyIds, Integer networkChargeType, int imageId, int usePublicNetwork,
            Map<String, String> envVar) {

        static ContainerItem listed(Container c) {
            return of(c, c.sshKeyIds());
        }

        static ContainerItem detail(Container c) {
            return of(c, c.sshKeyIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }

        private static ContainerItem of(Container c, Object sshKeyIds) {
            return new ContainerItem(c.id(), c.name(), c.desc(), c.status(), c.bandwidth(), c.replicas(),
                    c.chargeType(), c.specId(), iso(c.createdAt()), iso(c.updatedAt()), c.publicIp(), c.privateIp(),
                    sshKeyIds, c.networkChargeType(), c.imageId(), c.usePublicNetwork(), c.envVar());
        }
    }

    /** ISO 8601 in UTC, whole seconds: {@code 2016-03-19T05:44:17Z}. */
    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

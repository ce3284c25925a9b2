package io.flowbill.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container as the API shows it at one instant; fields in the document's order.
 * {@code bandwidth} and {@code networkChargeType} are null where they do not apply (package or private containers),
 * the addresses are null until the container is created.
 */
public record Container(
        long id,
        String name,
        String desc,
        String status,
        Integer bandwidth,
        int replicas,
        int chargeType,
        int specId,
        Instant createdAt,
        Instant updatedAt,
        String publicIp,
        String privateIp,
        List<Long> sshKeyIds,
        Integer networkChargeType,
        int imageId,
        int usePublicNetwork,
        Map<String, String> envVar) {

    public Container {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive: " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        desc = desc == null ? "" : desc;
        sshKeyIds = List.copyOf(sshKeyIds);
        envVar = Map.copyOf(envVar);
    }
}

package io.flowbill.containerapi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One container as the list and detail endpoints describe it. Only {@code id} is required; every other field may be
 * {@code null} because the API omits or nulls them freely. {@code ssh_key_ids} arrives as an array, a string or
 * nothing and is always a list here; unknown fields are ignored.
 *
 * @param chargeType        1 package (套餐), 2 on demand (按需)
 * @param specId            1, 10, 20, 30, 40 or 50 (docs/container-api.md lists the specs)
 * @param usePublicNetwork  1 yes, 0 no
 * @param networkChargeType 1 by bandwidth, 2 by traffic
 * @param bandwidth         Mbps
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Container(
        long id,
        String name,
        String desc,
        ContainerStatus status,
        Integer bandwidth,
        Integer replicas,
        Integer chargeType,
        Integer specId,
        @JsonDeserialize(using = ApiInstantDeserializer.class) Instant createdAt,
        @JsonDeserialize(using = ApiInstantDeserializer.class) Instant updatedAt,
        String publicIp,
        String privateIp,
        @JsonDeserialize(using = SshKeyIdsDeserializer.class) List<Long> sshKeyIds,
        Integer networkChargeType,
        Long imageId,
        Integer usePublicNetwork,
        Map<String, String> envVar) {

    public Container {
        if (id <= 0) {
            throw new IllegalArgumentException("container id must be positive: " + id);
        }
        sshKeyIds = sshKeyIds == null ? List.of() : List.copyOf(sshKeyIds);
        envVar = envVar == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(envVar));
    }
}

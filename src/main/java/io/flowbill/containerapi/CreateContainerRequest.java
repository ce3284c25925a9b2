package io.flowbill.containerapi;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The payload of {@code POST /api/v1/containers}. Absent ({@code null}) fields are not sent.
 *
 * <p>The client does not re-implement the API's validation (which fields are required for which charge type, the
 * bandwidth range (0, 100]): the API answers 4000001 with its own message, surfaced as a
 * {@link ContainerApiException}, so client and server can never disagree.
 *
 * @param chargeType        1 package, 2 on demand; required
 * @param specId            1, 10, 20, 30, 40 or 50; required
 * @param imageType         1 public image, 2 custom image; required
 * @param usePublicNetwork  1 or 0; required on demand
 * @param networkChargeType 1 bandwidth, 2 traffic; required on demand with a public network
 * @param bandwidth         Mbps in (0, 100]; required when charged by bandwidth
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateContainerRequest(
        Integer chargeType,
        Integer specId,
        Integer imageType,
        Long imageId,
        String name,
        String desc,
        List<Long> sshKeyIds,
        Map<String, String> envVar,
        Integer usePublicNetwork,
        Integer networkChargeType,
        Integer bandwidth) {

    public CreateContainerRequest {
        sshKeyIds = sshKeyIds == null ? null : List.copyOf(sshKeyIds);
        envVar = envVar == null ? null : Map.copyOf(envVar);
    }

    /** A package (charge type 1) container; packages get a public IP automatically. */
    public static CreateContainerRequest packaged(int specId, int imageType, long imageId, String name) {
        return new CreateContainerRequest(1, specId, imageType, imageId, name, null, null, null, null, null, null);
    }

    /**
     * An on-demand (charge type 2) container with a public network charged by bandwidth (1, with {@code bandwidth}
     * Mbps) or by traffic (2, {@code bandwidth} {@code null}).
     */
    public static CreateContainerRequest onDemand(int specId, int imageType, long imageId, String name,
            int networkChargeType, Integer bandwidth) {
        return new CreateContainerRequest(2, specId, imageType, imageId, name, null, null, null, 1, networkChargeType,
                bandwidth);
    }
}

package io.flowbill.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A request to create a container ({@code POST /containers}), validated by the document's rules: charge type,
 * spec, image type, image id and name are required; {@code use_public_network} is required for on-demand
 * (charge type 2), {@code network_charge_type} for on-demand on the public network, {@code bandwidth} in (0, 100]
 * for those charged by bandwidth (1). Violations throw {@link SandboxApiException} with code 4000001.
 */
public record ContainerRequest(
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

    static final long DEFAULT_IMAGE_ID = 10005;

    public ContainerRequest {
        oneOf("charge_type", required("charge_type", chargeType), 1, 2);
        int spec = required("spec_id", specId);
        if (Arrays.stream(FleetGenerator.SPECS).noneMatch(known -> known == spec)) {
            throw SandboxApiException.invalid("unknown spec_id " + spec);
        }
        oneOf("image_type", required("image_type", imageType), 1, 2);
        if (imageId == null || imageId <= 0) {
            throw SandboxApiException.invalid("image_id is required and positive");
        }
        if (name == null || name.isBlank()) {
            throw SandboxApiException.invalid("name is required");
        }
        if (usePublicNetwork != null) {
            oneOf("use_public_network", usePublicNetwork, 0, 1);
        }
        if (networkChargeType != null) {
            oneOf("network_charge_type", networkChargeType, 1, 2);
        }
        ContainerChange.checkBandwidth(bandwidth);
        if (chargeType == 2) {
            required("use_public_network", usePublicNetwork);
            if (usePublicNetwork == 1) {
                required("network_charge_type", networkChargeType);
                if (networkChargeType == 1) {
                    required("bandwidth", bandwidth);
                }
            }
        }
        sshKeyIds = sshKeyIds == null ? List.of() : List.copyOf(sshKeyIds);
        envVar = envVar == null ? Map.of() : Map.copyOf(envVar);
    }

    /** A package container (public network included) from the default public image. */
    public static ContainerRequest packageContainer(String name, int specId) {
        return new ContainerRequest(1, specId, 1, DEFAULT_IMAGE_ID, name, "", null, null, null, null, null);
    }

    /** An on-demand container on the public network, charged by a fixed bandwidth in Mbps. */
    public static ContainerRequest onDemandByBandwidth(String name, int specId, int bandwidth) {
        return new ContainerRequest(2, specId, 1, DEFAULT_IMAGE_ID, name, "", null, null, 1, 1, bandwidth);
    }

    /** An on-demand container on the public network, charged by traffic. */
    public static ContainerRequest onDemandByTraffic(String name, int specId) {
        return new ContainerRequest(2, specId, 1, DEFAULT_IMAGE_ID, name, "", null, null, 1, 2, null);
    }

    /** An on-demand container without public network. */
    public static ContainerRequest onDemandPrivate(String name, int specId) {
        return new ContainerRequest(2, specId, 1, DEFAULT_IMAGE_ID, name, "", null, null, 0, null, null);
    }

    /** The attributes the new container starts with; network fields only where they apply. */
    Attributes toAttributes() {
        boolean onDemand = chargeType == 2;
        int usePublic = onDemand ? usePublicNetwork : 1;
        boolean networkFields = onDemand && usePublic == 1;
        return new Attributes(name, desc, chargeType, specId, imageId.intValue(), usePublic,
                networkFields ? networkChargeType : null, networkFields ? bandwidth : null, sshKeyIds, envVar);
    }

    static int required(String field, Integer value) {
        if (value == null) {
            throw SandboxApiException.invalid(field + " is required");
        }
        return value;
    }

    static void oneOf(String field, int value, int first, int second) {
        if (value != first && value != second) {
            throw SandboxApiException.invalid(field + " must be " + first + " or " + second + ", was " + value);
        }
    }
}

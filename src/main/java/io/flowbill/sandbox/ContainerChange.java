package io.flowbill.sandbox;

/**
 * A request to modify a container ({@code PUT /containers/{id}}); every field is optional but one is needed.
 * The result must satisfy the creation rules: an on-demand container on the public network needs a network charge
 * type, and one charged by bandwidth needs a bandwidth in (0, 100]. Violations throw {@link SandboxApiException}
 * with code 4000001.
 */
public record ContainerChange(Integer chargeType, String desc, Integer networkChargeType, Integer bandwidth) {

    public ContainerChange {
        if (chargeType == null && desc == null && networkChargeType == null && bandwidth == null) {
            throw SandboxApiException.invalid("nothing to modify");
        }
        if (chargeType != null) {
            ContainerRequest.oneOf("charge_type", chargeType, 1, 2);
        }
        if (networkChargeType != null) {
            ContainerRequest.oneOf("network_charge_type", networkChargeType, 1, 2);
        }
        checkBandwidth(bandwidth);
    }

    /** A change of the description only. */
    public static ContainerChange desc(String desc) {
        return new ContainerChange(null, desc, null, null);
    }

    /** The attributes after this change. */
    Attributes applyTo(Attributes current) {
        Attributes next = desc == null ? current : current.withDesc(desc);
        int charge = chargeType == null ? current.chargeType() : chargeType;
        if (charge == 1) {
            return next.withChargeAndNetwork(1, 1, null, null);
        }
        boolean wasOnDemand = current.chargeType() == 2;
        int usePublic = wasOnDemand ? current.usePublicNetwork() : 1;
        if (usePublic == 0) {
            return next.withChargeAndNetwork(2, 0, null, null);
        }
        Integer network = networkChargeType != null ? networkChargeType
                : wasOnDemand ? current.networkChargeType() : null;
        Integer newBandwidth = bandwidth != null ? bandwidth : wasOnDemand ? current.bandwidth() : null;
        ContainerRequest.required("network_charge_type", network);
        if (network == 1) {
            ContainerRequest.required("bandwidth", newBandwidth);
        }
        return next.withChargeAndNetwork(2, 1, network, newBandwidth);
    }

    static void checkBandwidth(Integer bandwidth) {
        if (bandwidth != null && (bandwidth <= 0 || bandwidth > 100)) {
            throw SandboxApiException.invalid("bandwidth must be in (0, 100] Mbps, was " + bandwidth);
        }
    }
}

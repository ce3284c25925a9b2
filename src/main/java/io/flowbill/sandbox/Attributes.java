package io.flowbill.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a container is at one moment, apart from its status: the fields create and modify set.
 * Package containers use the public network and have no network fields; private ones have none either.
 */
record Attributes(
        String name,
        String desc,
        int chargeType,
        int specId,
        int imageId,
        int usePublicNetwork,
        Integer networkChargeType,
        Integer bandwidth,
        List<Long> sshKeyIds,
        Map<String, String> envVar) {

    Attributes {
        Objects.requireNonNull(name, "name");
        desc = desc == null ? "" : desc;
        sshKeyIds = List.copyOf(sshKeyIds);
        envVar = Map.copyOf(envVar);
    }

    Attributes withChargeAndNetwork(int newChargeType, int usePublic, Integer newNetworkChargeType,
            Integer newBandwidth) {
        return new Attributes(name, desc, newChargeType, specId, imageId, usePublic, newNetworkChargeType,
                newBandwidth, sshKeyIds, envVar);
    }

    Attributes withDesc(String newDesc) {
        return new Attributes(name, newDesc, chargeType, specId, imageId, usePublicNetwork, networkChargeType,
                bandwidth, sshKeyIds, envVar);
    }
}

package io.flowbill.metering;

import java.time.Instant;

/**
 * What one inventory scan saw of one container: its billing-relevant attributes as the API answered them.
 * Status is kept raw (unknown values included); nullable fields are those the API may leave out.
 */
public record Observation(long containerId, String name, String status, int chargeType, int specId,
        Integer usePublicNetwork, Integer networkChargeType, Integer bandwidth, Long imageId, Instant createdAt,
        Instant updatedAt) {

    public Observation {
        if (status == null) {
            throw new IllegalArgumentException("container " + containerId + " has no status");
        }
        if (createdAt == null) {
            throw new IllegalArgumentException("container " + containerId + " has no created_at");
        }
    }
}

package io.flowbill.containerapi;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The payload of {@code PUT /api/v1/containers/{id}}; every field is optional and absent ones are not sent.
 * As for creation, the API validates the combination and answers 4000001 when it is wrong.
 *
 * @param chargeType        1 package, 2 on demand
 * @param networkChargeType 1 bandwidth, 2 traffic
 * @param bandwidth         Mbps in (0, 100]
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModifyContainerRequest(Integer chargeType, String desc, Integer networkChargeType, Integer bandwidth) {
}

package io.flowbill.containerapi;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of the flow endpoint, kept as the raw strings the API sent ({@code "18.61GB"}). Parsing is separate
 * ({@link #upMegabytes(int)}, {@link FlowAmount}) so that a malformed value is reported by whoever meters it and does
 * not fail the HTTP call. Up is traffic leaving the container (billed); down is traffic entering it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerFlow(
        @JsonProperty("container_up_flow") String upFlow,
        @JsonProperty("container_down_flow") String downFlow) {

    /** Outbound traffic in MB. @throws FlowParseException when the raw value is not a flow quantity */
    public BigDecimal upMegabytes(int mbPerGb) {
        return FlowAmount.parseMegabytes(upFlow, mbPerGb);
    }

    /** Inbound traffic in MB. @throws FlowParseException when the raw value is not a flow quantity */
    public BigDecimal downMegabytes(int mbPerGb) {
        return FlowAmount.parseMegabytes(downFlow, mbPerGb);
    }
}

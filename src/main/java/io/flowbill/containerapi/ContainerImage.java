package io.flowbill.containerapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An image that containers can be created from.
 *
 * @param constraint the combos and machine specs the image allows, or {@code null} when unconstrained
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerImage(Long id, String name, String tag, String desc, Integer weight, ImageConstraint constraint) {

    /**
     * What an image requires. The document lists {@code min_machine_spec} twice; the second is {@code max_machine_spec}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImageConstraint(Integer minCombo, Integer maxCombo, Integer minMachineSpec, Integer maxMachineSpec) {
    }
}

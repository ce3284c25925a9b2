package io.flowbill.containerapi;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The answer of {@code GET /api/v1/containers/images}: the account's own images and the cloud's public ones.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerImages(List<ContainerImage> customImages, List<ContainerImage> publicImages) {

    public ContainerImages {
        customImages = customImages == null ? List.of() : List.copyOf(customImages);
        publicImages = publicImages == null ? List.of() : List.copyOf(publicImages);
    }
}

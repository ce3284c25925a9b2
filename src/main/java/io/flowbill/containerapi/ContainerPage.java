package io.flowbill.containerapi;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One page of {@code GET /api/v1/containers}.
 *
 * @param total      how many containers the account has in all, as the API counted them for this page
 * @param containers the containers of this page, in the API's (undocumented) order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerPage(long total, List<Container> containers) {

    public ContainerPage {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
        containers = containers == null ? List.of() : List.copyOf(containers);
    }
}

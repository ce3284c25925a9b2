package io.flowbill.sandbox;

import java.util.List;

/**
 * One page of the container list: the total at the time of asking and the containers at positions
 * [offset, offset + limit) in id order.
 */
public record ContainerPage(int total, List<Container> containers) {

    public ContainerPage {
        if (total < 0) {
            throw new IllegalArgumentException("total cannot be negative: " + total);
        }
        containers = List.copyOf(containers);
    }
}

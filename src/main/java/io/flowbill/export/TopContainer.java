package io.flowbill.export;

import java.math.BigDecimal;

/**
 * One of a day's containers with the largest amounts.
 *
 * @param containerId the container
 * @param name        its name in force at the day's end ({@link ContainerNames}); null when none is known
 * @param lines       its charge lines of the day
 * @param amount      their amounts summed as printed
 */
record TopContainer(long containerId, String name, long lines, BigDecimal amount) {
}

package io.flowbill.metering;

/**
 * The container list did not settle within {@code max-scan-passes}: the scan cannot prove it saw every container,
 * so the run stops before anything is billed short.
 */
public class InventoryIncompleteException extends RuntimeException {

    InventoryIncompleteException(int passes, int gaps, int found, long reported, int served) {
        super("inventory: the container list did not settle after " + passes + " passes (last pass: " + gaps
                + " page boundaries without overlap, " + found + " containers not seen before, list total " + reported
                + ", " + served + " served); nothing was billed short. Run the same command again when the fleet"
                + " changes less, or raise flowbill.metering.max-scan-passes");
    }
}

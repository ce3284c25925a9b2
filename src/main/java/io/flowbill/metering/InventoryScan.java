package io.flowbill.metering;

/**
 * What one inventory scan found (or the scans of a tenant's API accounts, added up: {@link #plus}).
 *
 * @param reported        the list's own {@code total}
 * @param collected       distinct containers collected by paging
 * @param recovered       containers the paging missed, found by asking for them directly
 * @param gone            containers that answered 404 and are recorded as gone
 * @param versionsOpened  attribute changes recorded
 * @param passes          passes over the list until it settled
 * @param rowsWritten     rows of {@code container} and {@code container_version} the merge wrote (only the
 *                        containers that changed; those found gone are written after it)
 */
public record InventoryScan(long scanId, long reported, int collected, int recovered, int gone, int versionsOpened,
        int passes, int rowsWritten) {

    /** The figures of this scan and {@code next}, of another API account of the same tenant, together. */
    InventoryScan plus(InventoryScan next) {
        return new InventoryScan(next.scanId, reported + next.reported, collected + next.collected,
                recovered + next.recovered, gone + next.gone, versionsOpened + next.versionsOpened,
                Math.max(passes, next.passes), rowsWritten + next.rowsWritten);
    }
}

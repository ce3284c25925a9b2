package io.flowbill.metering;

/**
 * What a recheck did: the closed windows it covered, the hours whose pending traffic it read again (and how many
 * of them are still pending), and the hours it wrote for containers found late.
 *
 * @param range         the windows covered, null when nothing was metered in the recheck period
 * @param pendingBefore hours with pending traffic before the recheck
 * @param pendingAfter  hours with pending traffic after it
 * @param lateHours     hours written for containers found after their windows were closed
 */
public record RecheckSummary(MeteringRange range, long pendingBefore, long pendingAfter, long lateContainers,
        long lateHours) {

    static RecheckSummary nothingDue(MeteringRange range, long lateContainers) {
        return new RecheckSummary(range, 0, 0, lateContainers, 0);
    }

    public boolean ran() {
        return pendingBefore > 0 || lateContainers > 0;
    }

    /** The line the summaries print. */
    public String render() {
        if (range == null) {
            return "recheck           nothing metered in the recheck period\n";
        }
        return String.format("recheck           %s .. %s: %d pending hours read again (%d settled, %d still pending),"
                + " %d hours of %d containers found late%n", range.from(), range.to(), pendingBefore,
                pendingBefore - pendingAfter, pendingAfter, lateHours, lateContainers);
    }
}

package io.flowbill.metering;

import java.util.Locale;
import java.util.Set;

/**
 * Which container statuses are billed. This is the one place that says so.
 * <ul>
 * <li>Billable: the container exists and runs: a successful create, update, resize or restart; an update,
 * resize or restart still in progress, failed or timed out (only a created container can be changed, and it
 * keeps running); a deletion still in progress, failed or timed out (the container is still there).</li>
 * <li>Not billable: creation in progress ({@code creating}, {@code create_ing}), failed or timed out, and a
 * finished deletion ({@code delete_succ}, {@code deleted}).</li>
 * <li>Unknown: any other value. It is not billed, metering records it as an exception with the raw value,
 * and a later re-rating bills it once this policy knows it.</li>
 * </ul>
 * Source: the status list of the API document (create/update/resize/delete x ing/succ/fail/timeout), the
 * detail example ({@code creating}) and real output ({@code restart_succ}); see NOTES.md.
 */
public final class StatusPolicy {

    /** How a status is treated by billing. */
    public enum Billing {
        BILLABLE, NOT_BILLABLE, UNKNOWN
    }

    private static final Set<String> BILLABLE = Set.of(
            "create_succ", "update_succ", "resize_succ", "restart_succ",
            "update_ing", "update_fail", "update_timeout",
            "resize_ing", "resize_fail", "resize_timeout",
            "restart_ing", "restart_fail", "restart_timeout",
            "delete_ing", "delete_fail", "delete_timeout");

    private static final Set<String> NOT_BILLABLE = Set.of(
            "creating", "create_ing", "create_fail", "create_timeout", "delete_succ", "deleted");

    private StatusPolicy() {
    }

    public static Billing classify(String status) {
        if (status == null) {
            return Billing.UNKNOWN;
        }
        String normalized = status.trim().toLowerCase(Locale.ROOT);
        if (BILLABLE.contains(normalized)) {
            return Billing.BILLABLE;
        }
        return NOT_BILLABLE.contains(normalized) ? Billing.NOT_BILLABLE : Billing.UNKNOWN;
    }

    public static boolean isBillable(String status) {
        return classify(status) == Billing.BILLABLE;
    }
}

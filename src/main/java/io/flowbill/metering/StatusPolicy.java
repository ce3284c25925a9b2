package io.flowbill.metering;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.flowbill.containerapi.ContainerStatus;
import io.flowbill.containerapi.ContainerStatus.Operation;
import io.flowbill.containerapi.ContainerStatus.Phase;

/**
 * Which container statuses are billed. This is the one place that says so, as one table over every status the
 * client understands ({@link ContainerStatus}: an operation and a phase, spelled {@code create_succ} or
 * {@code creating} alike):
 * <table>
 * <caption>status policy</caption>
 * <tr><th>operation</th><th>in progress</th><th>succeeded</th><th>failed</th><th>timed out</th></tr>
 * <tr><td>create</td><td>no</td><td>billed</td><td>no</td><td>no</td></tr>
 * <tr><td>update, resize, restart</td><td>billed</td><td>billed</td><td>billed</td><td>billed</td></tr>
 * <tr><td>delete</td><td>billed</td><td>no</td><td>billed</td><td>billed</td></tr>
 * </table>
 * A container being created does not run yet; only a created container can be updated, resized or restarted, and
 * it keeps running whatever the outcome; a deletion in progress, failed or timed out leaves the container there.
 * {@code deleted} is a finished deletion. Any other value is unknown: not billed, recorded by metering as an
 * {@code unknown_status} exception with the raw value, and billed by a later re-rating once this table knows it.
 * Source: the status values of the container API (docs/container-api.md).
 */
public final class StatusPolicy {

    /** How a status is treated by billing. */
    public enum Billing {
        BILLABLE, NOT_BILLABLE, UNKNOWN
    }

    private static final Map<Operation, Map<Phase, Billing>> TABLE = new EnumMap<>(Operation.class);

    static {
        row(Operation.CREATE, Billing.NOT_BILLABLE, Billing.BILLABLE, Billing.NOT_BILLABLE, Billing.NOT_BILLABLE);
        row(Operation.UPDATE, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE);
        row(Operation.RESIZE, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE);
        row(Operation.RESTART, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE);
        row(Operation.DELETE, Billing.BILLABLE, Billing.NOT_BILLABLE, Billing.BILLABLE, Billing.BILLABLE);
    }

    private StatusPolicy() {
    }

    private static void row(Operation operation, Billing inProgress, Billing succeeded, Billing failed, Billing timedOut) {
        Map<Phase, Billing> row = new EnumMap<>(Phase.class);
        row.put(Phase.IN_PROGRESS, inProgress);
        row.put(Phase.SUCCEEDED, succeeded);
        row.put(Phase.FAILED, failed);
        row.put(Phase.TIMED_OUT, timedOut);
        TABLE.put(operation, row);
    }

    /**
     * The answers given so far, by raw status: rating and metering ask once per container-hour about a handful of
     * distinct values, and parsing one costs a regular expression. Bounded, since an API could send anything.
     */
    private static final Map<String, Billing> ANSWERED = new ConcurrentHashMap<>();
    private static final int MAX_ANSWERED = 1_024;

    public static Billing classify(String status) {
        if (status == null) {
            return Billing.UNKNOWN;
        }
        Billing answered = ANSWERED.get(status);
        if (answered != null) {
            return answered;
        }
        Billing billing = parse(status);
        if (ANSWERED.size() < MAX_ANSWERED) {
            ANSWERED.put(status, billing);
        }
        return billing;
    }

    private static Billing parse(String status) {
        if ("deleted".equals(status.strip().toLowerCase(Locale.ROOT))) {
            return Billing.NOT_BILLABLE;
        }
        ContainerStatus parsed = new ContainerStatus(status);
        if (!parsed.isKnown()) {
            return Billing.UNKNOWN;
        }
        return TABLE.get(parsed.operation()).get(parsed.phase());
    }

    public static boolean isBillable(String status) {
        return classify(status) == Billing.BILLABLE;
    }
}

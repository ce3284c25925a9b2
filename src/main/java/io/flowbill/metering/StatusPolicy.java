package io.flowbill.metering;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.flowbill.containerapi.ContainerStatus;
import io.flowbill.containerapi.ContainerStatus.Operation;
import io.flowbill.containerapi.ContainerStatus.Phase;
import io.flowbill.system.ConfigurationRefused;

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
 * {@code deleted} is a finished deletion. Source: the status values of the container API (docs/container-api.md).
 *
 * <p>Two statuses seen in the wild that the document does not list have defaults ({@link #WILD}):
 * {@code migrate_ing} is billed (the container keeps running while it moves to another host) and {@code suspended}
 * is not (a suspended container does not run and the API bills no compute for it). Configuration
 * ({@code flowbill.metering.statuses.billed} / {@code .unbilled}) adds statuses and may override those two defaults,
 * never the table. Any other value is unknown: not billed, recorded by metering as an {@code unknown_status}
 * exception with the raw value, and billed by a later re-rating once configuration names it
 * (docs/billing-rules.md, "Which hours are billed").
 */
public final class StatusPolicy {

    /** How a status is treated by billing. */
    public enum Billing {
        BILLABLE, NOT_BILLABLE, UNKNOWN
    }

    private static final Map<Operation, Map<Phase, Billing>> TABLE = new EnumMap<>(Operation.class);

    /** Statuses seen in the wild, outside the API's document: defaults that configuration may override. */
    static final Map<String, Billing> WILD = Map.of("migrate_ing", Billing.BILLABLE, "suspended", Billing.NOT_BILLABLE);

    static {
        row(Operation.CREATE, Billing.NOT_BILLABLE, Billing.BILLABLE, Billing.NOT_BILLABLE, Billing.NOT_BILLABLE);
        row(Operation.UPDATE, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE);
        row(Operation.RESIZE, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE);
        row(Operation.RESTART, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE, Billing.BILLABLE);
        row(Operation.DELETE, Billing.BILLABLE, Billing.NOT_BILLABLE, Billing.BILLABLE, Billing.BILLABLE);
    }

    /** The table and the defaults of {@link #WILD}, without configuration. */
    public static final StatusPolicy BUILT_IN = new StatusPolicy(Map.of());

    private static final String BILLED = StatusProperties.PREFIX + ".billed";
    private static final String UNBILLED = StatusProperties.PREFIX + ".unbilled";

    /**
     * The answers given so far, by raw status: rating and metering ask once per container-hour about a handful of
     * distinct values, and parsing one costs a regular expression. Bounded, since an API could send anything.
     */
    private final Map<String, Billing> answered = new ConcurrentHashMap<>();
    private static final int MAX_ANSWERED = 1_024;

    /** Normalized status to billing: {@link #WILD} with the configured statuses over it. */
    private final Map<String, Billing> extra;

    private StatusPolicy(Map<String, Billing> configured) {
        Map<String, Billing> merged = new LinkedHashMap<>(WILD);
        merged.putAll(configured);
        this.extra = Map.copyOf(merged);
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
     * The built-in policy extended by configured statuses (compared like the table: case and surrounding spaces do
     * not matter).
     *
     * @throws ConfigurationRefused naming the setting, when a status is blank, is in both lists, or is one the table
     *                              treats the other way
     */
    public static StatusPolicy configured(List<String> billed, List<String> unbilled) {
        Map<String, Billing> configured = new LinkedHashMap<>();
        add(configured, billed, BILLED, Billing.BILLABLE);
        for (String status : unbilled) {
            String key = normalized(status, UNBILLED);
            if (configured.get(key) == Billing.BILLABLE) {
                throw new ConfigurationRefused("status '" + key + "' is in both " + BILLED + " and " + UNBILLED
                        + "; keep it in one of them");
            }
        }
        add(configured, unbilled, UNBILLED, Billing.NOT_BILLABLE);
        return new StatusPolicy(configured);
    }

    private static void add(Map<String, Billing> configured, List<String> statuses, String setting, Billing billing) {
        for (String status : statuses) {
            String key = normalized(status, setting);
            Billing table = fromTable(key);
            if (table != Billing.UNKNOWN && table != billing) {
                throw new ConfigurationRefused(setting + " lists '" + key + "', which the built-in status table "
                        + (table == Billing.BILLABLE ? "bills" : "does not bill") + " (docs/billing-rules.md, \"Which"
                        + " hours are billed\"); remove it from " + setting);
            }
            configured.put(key, billing);
        }
    }

    private static String normalized(String status, String setting) {
        if (status == null || status.isBlank()) {
            throw new ConfigurationRefused(setting + " has an empty status; remove it or write the status as the API"
                    + " prints it");
        }
        return status.strip().toLowerCase(Locale.ROOT);
    }

    public Billing classify(String status) {
        if (status == null) {
            return Billing.UNKNOWN;
        }
        Billing known = answered.get(status);
        if (known != null) {
            return known;
        }
        String key = status.strip().toLowerCase(Locale.ROOT);
        Billing billing = fromTable(key);
        if (billing == Billing.UNKNOWN) {
            billing = extra.getOrDefault(key, Billing.UNKNOWN);
        }
        if (answered.size() < MAX_ANSWERED) {
            answered.put(status, billing);
        }
        return billing;
    }

    public boolean isBillable(String status) {
        return classify(status) == Billing.BILLABLE;
    }

    /** The documented table's answer for a normalized status ({@code deleted} included), else UNKNOWN. */
    private static Billing fromTable(String normalized) {
        if ("deleted".equals(normalized)) {
            return Billing.NOT_BILLABLE;
        }
        ContainerStatus parsed = new ContainerStatus(normalized);
        if (!parsed.isKnown()) {
            return Billing.UNKNOWN;
        }
        return TABLE.get(parsed.operation()).get(parsed.phase());
    }
}

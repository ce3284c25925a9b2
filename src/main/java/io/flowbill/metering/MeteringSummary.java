package io.flowbill.metering;

import java.time.Duration;
import java.util.Map;

/**
 * What a metering run did, as {@code meter} prints it.
 *
 * @param alreadyMetered true when the range was metered before and nothing was fetched
 * @param exceptions     exceptions recorded by this run, by kind
 * @param inventoryPasses passes over the container list until it settled (0 when no scan ran)
 */
public record MeteringSummary(MeteringRange range, boolean alreadyMetered, long runId, int windows, long containers,
        long usageRows, long calls, long retries, Map<String, Long> exceptions, long inferredHours,
        long revisedHours, long inventoryReported, long inventoryCollected, long inventoryGone, int inventoryPasses,
        Duration elapsed) {

    public MeteringSummary {
        exceptions = Map.copyOf(exceptions);
    }

    public double callsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : calls / seconds;
    }

    public long exceptionCount() {
        return exceptions.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The lines {@code meter} prints. */
    public String render() {
        if (alreadyMetered) {
            return "metering " + range.from() + " .. " + range.to() + ": already metered (" + windows
                    + " windows); nothing fetched. Use --refresh to read the API again.\n";
        }
        StringBuilder text = new StringBuilder();
        text.append("metering ").append(range.from()).append(" .. ").append(range.to()).append(" (run ").append(runId)
                .append(")\n");
        text.append(String.format("  windows           %d%n", windows));
        text.append(String.format("  containers        %d (list total %d, collected %d, gone %d, %d list %s)%n",
                containers, inventoryReported, inventoryCollected, inventoryGone, inventoryPasses,
                inventoryPasses == 1 ? "pass" : "passes"));
        text.append(String.format("  usage hours       %d written, %d inferred, %d revised%n", usageRows, inferredHours,
                revisedHours));
        text.append(String.format("  api calls         %d (%d retries)%n", calls, retries));
        text.append(String.format("  exceptions        %d %s%n", exceptionCount(), exceptions.isEmpty() ? "" : exceptions));
        text.append(String.format("  elapsed           %.1f s, %.0f calls/s%n", elapsed.toMillis() / 1000.0,
                callsPerSecond()));
        return text.toString();
    }
}

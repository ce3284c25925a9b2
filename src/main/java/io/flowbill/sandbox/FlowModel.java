package io.flowbill.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The traffic model behind the flow endpoint: exact, deterministic and additive.
 *
 * <p>Each container has integer base rates (0.001 MB per second, up and down, from seed and id; some are idle),
 * multiplied by an integer weight per UTC hour ({@link DailyRhythm}: quiet at night in Asia/Shanghai, busy in the
 * evening). The flow over [from, to) is rate x the sum of weight x time over the milliseconds that lie in the window,
 * in a period where the container was running (created and not yet being deleted), and before now. Because it is a
 * sum over milliseconds, the flow of a window equals the sum of the flows of its parts, split anywhere.
 */
public final class FlowModel {

    private static final int MB_SCALE = 6;

    private final Fleet fleet;
    private final SandboxClock clock;
    private final long seed;

    FlowModel(Fleet fleet, SandboxClock clock, long seed) {
        this.fleet = fleet;
        this.clock = clock;
        this.seed = seed;
    }

    /**
     * The exact traffic of a container in [from, to), as the API answers it now.
     *
     * @throws SandboxApiException 4040002 if no container with this id ever existed
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    public FlowAmount flow(long containerId, Instant from, Instant to) {
        ContainerHistory history = fleet.history(containerId);
        if (history == null) {
            throw SandboxApiException.noSuchContainer(containerId);
        }
        return flow(history, from, to, clock.instant());
    }

    /** The traffic of a container from its creation until now. */
    public FlowAmount lifetimeFlow(long containerId) {
        ContainerHistory history = fleet.history(containerId);
        if (history == null) {
            throw SandboxApiException.noSuchContainer(containerId);
        }
        Instant now = clock.instant();
        return flow(history, history.createdAt(), now.isBefore(history.createdAt()) ? history.createdAt() : now, now);
    }

    FlowAmount flow(ContainerHistory history, Instant from, Instant to, Instant now) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        FlowRates rates = FlowRates.of(seed, history.id()).withinLink(linkMbps(history));
        if (rates.equals(FlowRates.IDLE)) {
            return FlowAmount.ZERO;
        }
        long weightedMillis = history.runningWeightedMillis(from.toEpochMilli(),
                Math.min(to.toEpochMilli(), now.toEpochMilli()));
        return new FlowAmount(megabytes(rates.up(), weightedMillis), megabytes(rates.down(), weightedMillis));
    }

    /**
     * A container created with a public network billed by bandwidth moves no more than its link carries: its
     * created bandwidth (a constant per container, so flows stay additive). Null for any other container.
     */
    private static Integer linkMbps(ContainerHistory history) {
        Attributes created = history.versions().get(0).attributes();
        boolean byBandwidth = created.usePublicNetwork() == 1 && created.networkChargeType() != null
                && created.networkChargeType() == 1 && created.bandwidth() != null && created.bandwidth() > 0;
        return byBandwidth ? created.bandwidth() : null;
    }

    /** rate (0.001 MB/s) x weighted milliseconds = units of 0.000001 MB. */
    private static BigDecimal megabytes(long rate, long weightedMillis) {
        return BigDecimal.valueOf(Math.multiplyExact(rate, weightedMillis), MB_SCALE).stripTrailingZeros();
    }
}

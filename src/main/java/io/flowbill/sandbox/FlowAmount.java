package io.flowbill.sandbox;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The exact traffic of one container over one window, in MB (1 GB = 1024 MB).
 *
 * @param upMb   upstream (outbound) traffic
 * @param downMb downstream (inbound) traffic
 */
public record FlowAmount(BigDecimal upMb, BigDecimal downMb) {

    /** No traffic. */
    public static final FlowAmount ZERO = new FlowAmount(BigDecimal.ZERO, BigDecimal.ZERO);

    public FlowAmount {
        Objects.requireNonNull(upMb, "upMb");
        Objects.requireNonNull(downMb, "downMb");
        if (upMb.signum() < 0 || downMb.signum() < 0) {
            throw new IllegalArgumentException("flow cannot be negative: up=" + upMb + ", down=" + downMb);
        }
    }

    /** The sum of two windows' traffic. */
    public FlowAmount plus(FlowAmount other) {
        return new FlowAmount(upMb.add(other.upMb), downMb.add(other.downMb));
    }
}

package io.flowbill.metering;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of metering one container-hour: a usage row to write (absent when the flow could not be fetched
 * and must be tried again), and the exceptions found on the way.
 *
 * @param upMb   exact outbound MB, null when the traffic is an exception
 * @param downMb exact inbound MB, null when the traffic is an exception
 */
public record MeteredHour(ContainerHour hour, boolean writeUsage, BigDecimal upMb, BigDecimal downMb, String rawUp,
        String rawDown, List<MeteringException> exceptions) {

    public MeteredHour {
        exceptions = List.copyOf(exceptions);
        if (!writeUsage && exceptions.isEmpty()) {
            throw new IllegalArgumentException("container " + hour.containerId() + " window " + hour.window()
                    + " is neither metered nor an exception");
        }
    }

    public boolean trafficKnown() {
        return upMb != null && downMb != null;
    }
}

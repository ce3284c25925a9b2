package io.flowbill.metering;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of metering one container-hour. The hour is always written with its attributes and active seconds:
 * only its traffic may be unknown, and then the exceptions say why.
 *
 * @param upMb           exact outbound MB, null when it is unknown (each direction is judged on its own)
 * @param downMb         exact inbound MB, null when it is unknown
 * @param rawUp          what the API sent for outbound, bounded ({@link RawValue})
 * @param rawDown        what the API sent for inbound, bounded
 * @param trafficPending a direction is unknown for a reason a later read may cure (unavailable, malformed,
 *                       implausible): the recheck reads the hour again; false for known traffic and for a
 *                       container gone before its flow was read
 */
public record MeteredHour(ContainerHour hour, BigDecimal upMb, BigDecimal downMb, String rawUp, String rawDown,
        boolean trafficPending, List<MeteringException> exceptions) {

    public MeteredHour {
        exceptions = List.copyOf(exceptions);
        rawUp = RawValue.bounded(rawUp);
        rawDown = RawValue.bounded(rawDown);
        if ((upMb == null || downMb == null) && exceptions.isEmpty()) {
            throw new IllegalArgumentException("container " + hour.containerId() + " window " + hour.window()
                    + " has unknown traffic but no exception says why");
        }
    }

    public boolean trafficKnown() {
        return upMb != null && downMb != null;
    }
}

package io.flowbill.invoicing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.flowbill.pricing.RatedContainer;

/**
 * What one rating partition counts while it reads its block of the day's {@code usage_hour} ({@link UsageBlockRows}),
 * so that nothing reads the day's hours again: the traffic per charge type and spec ({@code usage_day}'s), the
 * traffic per hour (the report's), how many containers were metered and which were rated to no charge line, with the
 * status of their last hour (the report's containers not billed). The blocks come in container order and each
 * container's rated day ({@link #rated}) in the same order, so only the containers read but not yet rated are held.
 */
final class DayTally {

    /** Traffic of a charge type and spec, or of an hour; {@code unreadable}: container-hours without traffic. */
    record Traffic(BigDecimal upMb, BigDecimal downMb, long unreadable) {

        static final Traffic NONE = new Traffic(BigDecimal.ZERO, BigDecimal.ZERO, 0);

        Traffic plus(BigDecimal up, BigDecimal down, long unreadableHours) {
            return new Traffic(up == null ? upMb : upMb.add(up), down == null ? downMb : downMb.add(down),
                    unreadable + unreadableHours);
        }
    }

    /** A charge type and spec, as stored. */
    record TypeAndSpec(int chargeType, int specId) implements Comparable<TypeAndSpec> {

        @Override
        public int compareTo(TypeAndSpec other) {
            int byType = Integer.compare(chargeType, other.chargeType);
            return byType != 0 ? byType : Integer.compare(specId, other.specId);
        }
    }

    /** A container rated to no charge line, with the status of its last metered hour of the day. */
    record Unbilled(long containerId, String status) {
    }

    private record Metered(long containerId, String lastStatus) {
    }

    private final Map<TypeAndSpec, Traffic> byTypeAndSpec = new TreeMap<>();
    private final Map<Instant, Traffic> byHour = new TreeMap<>();
    private final Deque<Metered> readNotRated = new ArrayDeque<>();
    private final List<Unbilled> unbilled = new ArrayList<>();
    private long metered;
    private Long containerId;
    private Instant lastHour;
    private String lastStatus;

    /** Counts a block row of {@link UsageBlockRows#byContainer} (read before it is turned into usage). */
    void block(ResultSet rs) throws SQLException {
        long container = rs.getLong(2);
        if (containerId == null || containerId != container) {
            endOfContainer();
            containerId = container;
        }
        Instant last = rs.getObject(4, OffsetDateTime.class).toInstant();
        if (lastHour == null || last.isAfter(lastHour)) {
            lastHour = last;
            lastStatus = rs.getString(6);
        }
        byTypeAndSpec.merge(new TypeAndSpec(rs.getInt(7), rs.getInt(8)),
                Traffic.NONE.plus(rs.getBigDecimal(13), rs.getBigDecimal(14), 0), DayTally::sum);
    }

    /** Counts an hour row of {@link UsageBlockRows#byContainer}: the partition's traffic of one hour. */
    void hour(ResultSet rs) throws SQLException {
        endOfContainer();
        byHour.merge(rs.getObject(3, OffsetDateTime.class).toInstant(),
                Traffic.NONE.plus(rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getLong(15)), DayTally::sum);
    }

    /** The next container read was rated to {@code day}: one metered, and not billed when it has no charge line. */
    void rated(RatedContainer day) {
        endOfContainerWhenBlocksEnded();
        Metered container = readNotRated.removeFirst();
        metered++;
        if (day.lines().isEmpty()) {
            unbilled.add(new Unbilled(container.containerId(), container.lastStatus()));
        }
    }

    /** The blocks ended (the hours follow, or nothing): the last container read is complete. */
    void endOfContainer() {
        if (containerId != null) {
            readNotRated.addLast(new Metered(containerId, lastStatus));
            containerId = null;
            lastHour = null;
            lastStatus = null;
        }
    }

    private void endOfContainerWhenBlocksEnded() {
        if (readNotRated.isEmpty()) {
            endOfContainer();
        }
    }

    Map<TypeAndSpec, Traffic> byTypeAndSpec() {
        return byTypeAndSpec;
    }

    Map<Instant, Traffic> byHour() {
        return byHour;
    }

    long metered() {
        return metered;
    }

    List<Unbilled> unbilled() {
        return unbilled;
    }

    private static Traffic sum(Traffic a, Traffic b) {
        return a.plus(b.upMb(), b.downMb(), b.unreadable());
    }
}

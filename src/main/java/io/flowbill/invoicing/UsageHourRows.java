package io.flowbill.invoicing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.flowbill.metering.StatusPolicy;
import io.flowbill.pricing.ChargeType;
import io.flowbill.pricing.NetworkChargeType;
import io.flowbill.pricing.UsageHour;

/**
 * Reads stored usage rows as the pricing input. Billability is decided again by {@link StatusPolicy} from the
 * stored status, not taken from the stored {@code billable} column, so a status the policy learns later is billed
 * when the day is rated again.
 */
final class UsageHourRows {

    /** The columns {@link #map} reads, for {@code select}. */
    static final String COLUMNS = """
            tenant_id, container_id, window_start, status, charge_type, spec_id, use_public_network,
            network_charge_type, bandwidth, active_seconds, up_mb, down_mb""";

    private UsageHourRows() {
    }

    static UsageHour map(ResultSet rs, int row) throws SQLException {
        long containerId = rs.getLong("container_id");
        Instant windowStart = rs.getObject("window_start", OffsetDateTime.class).toInstant();
        try {
            ChargeType chargeType = ChargeType.ofCode(rs.getInt("charge_type"));
            boolean publicNetwork = Integer.valueOf(1).equals(integer(rs, "use_public_network"));
            Integer bandwidth = integer(rs, "bandwidth");
            return new UsageHour(rs.getString("tenant_id"), containerId, windowStart, rs.getInt("active_seconds"),
                    StatusPolicy.isBillable(rs.getString("status")), chargeType, rs.getInt("spec_id"), publicNetwork,
                    networkChargeType(integer(rs, "network_charge_type"), chargeType == ChargeType.ON_DEMAND
                            && publicNetwork),
                    bandwidth == null ? 0 : bandwidth, rs.getBigDecimal("up_mb"), rs.getBigDecimal("down_mb"));
        }
        catch (IllegalArgumentException e) {
            // the message carries the cause's, so that the one-line reason of a failed run names the container
            IllegalArgumentException withContext = new IllegalArgumentException("usage of container " + containerId
                    + " at " + windowStart + " cannot be rated: " + e.getMessage());
            withContext.addSuppressed(e);
            throw withContext;
        }
    }

    /** Required (and checked) where it is billed: on demand with a public network; elsewhere unknown codes are null. */
    private static NetworkChargeType networkChargeType(Integer code, boolean billed) {
        if (billed) {
            if (code == null) {
                throw new IllegalArgumentException("an on-demand public container needs a network_charge_type");
            }
            return NetworkChargeType.ofCode(code);
        }
        for (NetworkChargeType type : NetworkChargeType.values()) {
            if (code != null && type.code() == code) {
                return type;
            }
        }
        return null;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}

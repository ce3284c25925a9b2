package io.flowbill.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A test builder of usage hours for one container; local times are in the bundled book's zone, Asia/Shanghai. */
final class UsageHours {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private String tenant = "acme";
    private long containerId = 100;
    private ChargeType chargeType;
    private final int specId;
    private boolean billable = true;
    private boolean publicNetwork;
    private NetworkChargeType networkChargeType;
    private int bandwidthMbps;
    private BigDecimal upMb = BigDecimal.ZERO;
    private BigDecimal downMb = BigDecimal.ZERO;

    private UsageHours(ChargeType chargeType, int specId) {
        this.chargeType = chargeType;
        this.specId = specId;
    }

    static UsageHours onDemand(int specId) {
        return new UsageHours(ChargeType.ON_DEMAND, specId);
    }

    static UsageHours packaged(int specId) {
        return new UsageHours(ChargeType.PACKAGE, specId);
    }

    static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    UsageHours container(String tenant, long containerId) {
        this.tenant = tenant;
        this.containerId = containerId;
        return this;
    }

    UsageHours bandwidth(int mbps) {
        publicNetwork = true;
        networkChargeType = NetworkChargeType.BANDWIDTH;
        bandwidthMbps = mbps;
        return this;
    }

    UsageHours traffic(String upMb, String downMb) {
        publicNetwork = true;
        networkChargeType = NetworkChargeType.TRAFFIC;
        this.upMb = upMb == null ? null : new BigDecimal(upMb);
        this.downMb = downMb == null ? null : new BigDecimal(downMb);
        return this;
    }

    /** Keeps the network attributes but turns the public network off. */
    UsageHours privateNetwork() {
        publicNetwork = false;
        return this;
    }

    UsageHours notBillable() {
        billable = false;
        return this;
    }

    UsageHour hour(String localStart, int activeSeconds) {
        return new UsageHour(tenant, containerId, local(localStart), activeSeconds, billable, chargeType, specId,
                publicNetwork, networkChargeType, bandwidthMbps, upMb, downMb);
    }

    /** {@code count} consecutive fully active hours from {@code localStart}. */
    List<UsageHour> hours(String localStart, int count) {
        List<UsageHour> hours = new ArrayList<>();
        LocalDateTime start = LocalDateTime.parse(localStart);
        for (int i = 0; i < count; i++) {
            hours.add(hour(start.plusHours(i).toString(), 3600));
        }
        return hours;
    }
}

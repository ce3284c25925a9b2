package io.flowbill.pricing;

/** How an on-demand container's public network is charged: the container API's {@code network_charge_type}. */
public enum NetworkChargeType {

    /** {@code 1}: 按带宽, by fixed bandwidth per Mbps and hour. */
    BANDWIDTH(1),
    /** {@code 2}: 按流量, by traffic per GB. */
    TRAFFIC(2);

    private final int code;

    NetworkChargeType(int code) {
        this.code = code;
    }

    /** The API's and the storage's number for this network charge type. */
    public int code() {
        return code;
    }

    public static NetworkChargeType ofCode(int code) {
        for (NetworkChargeType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown network_charge_type " + code);
    }
}

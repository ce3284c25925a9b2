package io.flowbill.pricing;

/** What a charge line charges for, with the unit of its quantity. */
public enum ChargeItem {

    COMPUTE("compute", "hour"),
    BANDWIDTH("bandwidth", "Mbps_hour"),
    TRAFFIC_OUT("traffic_out", "GB"),
    TRAFFIC_IN("traffic_in", "GB"),
    PACKAGE("package", "month"),
    PACKAGE_OVERAGE("package_overage", "GB");

    private final String code;
    private final String unit;

    ChargeItem(String code, String unit) {
        this.code = code;
        this.unit = unit;
    }

    /** The item as stored and printed, e.g. {@code traffic_out}. */
    public String code() {
        return code;
    }

    /** The unit of the item's quantity, e.g. {@code Mbps_hour}. */
    public String unit() {
        return unit;
    }

    public static ChargeItem ofCode(String code) {
        for (ChargeItem item : values()) {
            if (item.code.equals(code)) {
                return item;
            }
        }
        throw new IllegalArgumentException("unknown charge item " + code);
    }
}

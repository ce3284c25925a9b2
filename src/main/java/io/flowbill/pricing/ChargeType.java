package io.flowbill.pricing;

/** How a container is charged: the container API's {@code charge_type}. */
public enum ChargeType {

    /** {@code 1}: 按套餐计费, a monthly package with network and an outbound traffic allowance included. */
    PACKAGE(1),
    /** {@code 2}: 按需计费, on demand by the hour. */
    ON_DEMAND(2);

    private final int code;

    ChargeType(int code) {
        this.code = code;
    }

    /** The API's and the storage's number for this charge type. */
    public int code() {
        return code;
    }

    public static ChargeType ofCode(int code) {
        for (ChargeType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown charge_type " + code);
    }
}

package io.flowbill.metrics;

import java.util.Locale;

import io.flowbill.pricing.ChargeType;
import io.flowbill.pricing.NetworkChargeType;

/** Label values of stored codes: bounded words, never a raw number from the API that could grow. */
final class Labels {

    static final String NONE = "none";
    static final String UNKNOWN = "unknown";

    private Labels() {
    }

    /** {@code package} or {@code on_demand}; {@code unknown} for a code the pricing model does not know. */
    static String chargeType(int code) {
        for (ChargeType type : ChargeType.values()) {
            if (type.code() == code) {
                return type.name().toLowerCase(Locale.ROOT);
            }
        }
        return UNKNOWN;
    }

    /** {@code bandwidth}, {@code traffic}, or {@code none} when the container has no network charge type. */
    static String networkChargeType(Integer code) {
        if (code == null) {
            return NONE;
        }
        for (NetworkChargeType type : NetworkChargeType.values()) {
            if (type.code() == code) {
                return type.name().toLowerCase(Locale.ROOT);
            }
        }
        return UNKNOWN;
    }
}

package io.flowbill.api;

import java.util.Locale;

import io.flowbill.pricing.ChargeType;

/** A stored charge type code as the CSV files name it: {@code package}, {@code on_demand}; null stays null. */
final class ChargeTypes {

    private ChargeTypes() {
    }

    static String name(Integer code) {
        return code == null ? null : ChargeType.ofCode(code).name().toLowerCase(Locale.ROOT);
    }
}

package io.flowbill.pricing;

import java.math.BigDecimal;

/**
 * One usage hour's exact share of a line: its quantity is {@code numerator / denominator}, left undivided so that
 * a line sums numerators exactly and divides once. Parts of one key share their unit price and denominator.
 */
record LinePart(LineKey key, BigDecimal unitPrice, BigDecimal numerator, BigDecimal denominator) {

    LinePart plus(LinePart other) {
        if (unitPrice.compareTo(other.unitPrice) != 0 || denominator.compareTo(other.denominator) != 0) {
            throw new IllegalStateException("parts of line " + key + " differ in unit price or denominator");
        }
        return new LinePart(key, unitPrice, numerator.add(other.numerator), denominator);
    }
}

package io.flowbill.invoicing;

import java.math.BigDecimal;

/**
 * What a refresh wrote to a draft's lines: whether they changed and, when it wrote only the changed ones, the amount
 * and the count they moved the invoice's by (exact sums of the lines added less the lines removed); without those
 * the invoice's totals are summed from all its lines again.
 */
record LinesWritten(boolean changed, BigDecimal amountDelta, int countDelta) {

    /** Lines written whole (the first lines, or all compared): the totals are summed again. */
    static LinesWritten whole(boolean changed) {
        return new LinesWritten(changed, null, 0);
    }

    boolean incremental() {
        return amountDelta != null;
    }
}

package io.flowbill.invoicing;

import java.math.BigDecimal;

/**
 * The rows {@link DayFiguresQuery} answers with: the day's figures as stored, per tenant and the stored codes
 * (charge type, network charge type, spec), which each reader turns into its own words.
 */
public final class DayFigureRows {

    private DayFigureRows() {
    }

    /** The day's charge-line amounts of one item, charge type and currency. */
    public record Amount(String tenant, String item, int chargeType, String currency, BigDecimal amount) {
    }

    /** Containers with charge lines on the day, of one charge type and spec. */
    public record Containers(String tenant, int chargeType, int specId, long count) {
    }

    /** Traffic metered in the day's hours, in MB, of one charge type and network charge type (null: none). */
    public record Traffic(String tenant, int chargeType, Integer networkChargeType, BigDecimal upMb,
            BigDecimal downMb) {
    }

    /** Unresolved metering exceptions (rating's {@code unrateable_day} among them) of one kind. */
    public record Exceptions(String tenant, String kind, long count) {
    }

    /** The invoice total of a month so far, as the invoice computes it (daily and month-level lines). */
    public record MonthTotal(String tenant, String currency, BigDecimal total) {
    }
}

package io.flowbill.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events flowbill announces to webhook endpoints, by their name on the wire (docs/webhooks.md, "Events"). */
public enum EventType {

    /** A month was closed: its invoice became FINAL. */
    INVOICE_FINALIZED("invoice.finalized"),
    /** A credit note was issued for a closed month whose lines came to less. */
    CREDIT_NOTE_CREATED("credit_note.created"),
    /** A tenant's day was billed completely (rated, invoiced, exported): billed_day recorded it. */
    DAY_BILLED("day.billed"),
    /** A tenant's day billing run did not complete. */
    BILLING_FAILED("billing.failed"),
    /** A tenant's month to date first reached one of its configured thresholds. */
    USAGE_THRESHOLD_CROSSED("usage.threshold_crossed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<EventType> named(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(EventType::wireName).toList());
    }
}

package io.flowbill.sandbox;

import java.time.Instant;
import java.util.Objects;

/** One entry of a container's history: from {@code effectiveAt} on, it has this status and these attributes. */
record Version(Instant effectiveAt, String status, Attributes attributes) {

    Version {
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(attributes, "attributes");
    }

    Version with(Instant at, String newStatus) {
        return new Version(at, newStatus, attributes);
    }
}

package io.flowbill.pricing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A container's day that rating could not price: one of its hours cannot be read or priced (no network charge
 * type, a spec or instant the price book does not price, ...). The container's day gets no line and no package
 * day, the rest of the day is rated, and rating the day again once the data or book is fixed bills it.
 *
 * @param tenant the container's tenant
 * @param containerId the container API's id
 * @param date the day in the billing zone
 * @param dayStart the first instant of that day
 * @param hour the start of the first hour that could not be rated
 * @param reason why, in words
 */
public record UnrateableDay(String tenant, long containerId, LocalDate date, Instant dayStart, Instant hour,
        String reason) {

    public UnrateableDay {
        Require.nonBlank(tenant, "tenant");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dayStart, "dayStart");
        Objects.requireNonNull(hour, "hour");
        Require.nonBlank(reason, "reason");
    }
}

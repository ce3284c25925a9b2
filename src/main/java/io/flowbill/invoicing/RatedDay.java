package io.flowbill.invoicing;

import java.time.LocalDate;

/**
 * What a rating run left for a tenant's day.
 *
 * @param tenant  the tenant whose day was rated
 * @param date    the day in the billing zone
 * @param runId   the ratingJob execution that rated it
 * @param lines   the day's charge lines now
 * @param changed whether this run changed the day's lines (false: the same lines as before, no row written)
 */
public record RatedDay(String tenant, LocalDate date, long runId, int lines, boolean changed) {
}

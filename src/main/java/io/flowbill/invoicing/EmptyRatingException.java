package io.flowbill.invoicing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.flowbill.system.Diagnosable;

/**
 * A rating that staged nothing (no charge line, package day or unrateable container day) for a day that has billable
 * usage: publishing it would bill the day 0.00. The rows it would have replaced stay; the next rating of the day
 * rates it from the start ({@link RatingService}).
 */
class EmptyRatingException extends IllegalStateException implements Diagnosable {

    EmptyRatingException(String tenant, LocalDate date, long billableHours) {
        super("rating " + date + " of tenant " + tenant + " staged no charge line although the day has "
                + billableHours + " billable usage hours; nothing was published, and the next run rates the day"
                + " from the start");
    }

    @Override
    public Optional<String> diagnosis(String during, UnaryOperator<String> setting) {
        return Optional.of(getMessage());
    }
}

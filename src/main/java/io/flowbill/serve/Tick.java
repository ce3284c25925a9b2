package io.flowbill.serve;

import java.time.LocalDate;
import java.util.List;

import io.flowbill.metering.MeteringRange;

/**
 * What one scheduler tick did.
 *
 * @param outcome what happened
 * @param metered the ranges it metered (or found metered), oldest first
 * @param billed  the days it billed, oldest first
 */
record Tick(Outcome outcome, List<MeteringRange> metered, List<LocalDate> billed) {

    enum Outcome {
        /** it metered or billed something */
        WORKED,
        /** nothing was due */
        NOTHING_DUE,
        /** another instance holds the scheduler lock or runs the same job: this one did nothing */
        LOCKED_ELSEWHERE,
        /** a run failed; the scheduler tries again after {@code flowbill.serve.retry-delay} */
        FAILED,
        /** waiting for the retry delay after a failure */
        WAITING_TO_RETRY,
        /** shutting down: nothing new starts */
        STOPPING
    }

    Tick {
        metered = List.copyOf(metered);
        billed = List.copyOf(billed);
    }

    static Tick of(Outcome outcome) {
        return new Tick(outcome, List.of(), List.of());
    }
}

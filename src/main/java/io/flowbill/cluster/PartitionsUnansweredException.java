package io.flowbill.cluster;

import java.util.Optional;
import java.util.function.UnaryOperator;

import io.flowbill.system.Diagnosable;

/** A manager gave up waiting for the partitions of a step ({@link PartitionWait}); its message is the line. */
class PartitionsUnansweredException extends RuntimeException implements Diagnosable {

    PartitionsUnansweredException(String line) {
        super(line);
    }

    @Override
    public Optional<String> diagnosis(String during, UnaryOperator<String> setting) {
        return Optional.of("cluster: " + getMessage());
    }
}

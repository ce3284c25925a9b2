package io.flowbill.cluster;

/** A partition request this worker cannot run whatever the state of the partition: it is dead-lettered in the end. */
class UnknownPartitionException extends RuntimeException {

    UnknownPartitionException(String message) {
        super(message);
    }
}

package io.flowbill.cluster;

/** A partition request in the dead-letter queue: the step execution it names and why it is there. */
record DeadLetter(long stepExecutionId, String reason) {
}

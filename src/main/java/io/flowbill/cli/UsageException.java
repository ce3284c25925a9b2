package io.flowbill.cli;

/** A command line that cannot run as given; its message says what was wrong and what to do. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}

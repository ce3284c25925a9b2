package io.flowbill.system;

/** The same job instance is running in another process. */
public class JobAlreadyRunningException extends RuntimeException {

    public JobAlreadyRunningException(String message) {
        super(message);
    }
}

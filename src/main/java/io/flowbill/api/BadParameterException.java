package io.flowbill.api;

/** A query parameter the API cannot use: answered with a 400 problem naming it and saying what to send. */
public final class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    /** The name of the parameter, e.g. {@code month}. */
    public String parameter() {
        return parameter;
    }
}

package io.flowbill.api;

/**
 * A tenant, invoice or credit note the request cannot see: answered with a 404 problem. A tenant that does not exist
 * and one the caller may not read get the same answer ({@link ApiProblems#tenantNotFound}).
 */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }

    /** The tenant in the path is not one the request can see. */
    public static NotFoundException tenant(String tenant) {
        return new NotFoundException("No tenant '" + tenant + "' is visible to this request: check the tenant in the"
                + " path and the API key.");
    }
}

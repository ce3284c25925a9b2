package io.flowbill.containerapi;

/**
 * Counts since the client was built, for a job's summary. The same events are also Micrometer meters
 * ({@code flowbill.api.requests}, {@code flowbill.api.retries}, {@code flowbill.api.token.renewals}).
 *
 * @param calls         API calls made (a call may take several requests)
 * @param requests      HTTP requests sent, token requests included
 * @param retries       requests repeated after a transient failure or a 401
 * @param failures      calls that ended with an exception
 * @param tokenRenewals tokens obtained from the token endpoint
 */
public record ContainerApiStats(long calls, long requests, long retries, long failures, long tokenRenewals) {
}

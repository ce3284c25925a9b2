package io.flowbill.containerapi;

import java.net.ConnectException;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.flowbill.system.Causes;
import io.flowbill.system.Diagnosable;
import io.flowbill.system.OneLineReason;

/**
 * A container API call that did not succeed: the API refused it (4xx with its code and message), kept failing until
 * the retries ran out, or answered something unreadable. Carries the endpoint's stable name ({@code flow},
 * {@code get}, ...), the container id where the call had one, the HTTP status (0 without a response), and the API's
 * code and message. Never carries a token or secret.
 */
public class ContainerApiException extends RuntimeException implements Diagnosable {

    /** The API's code for "No such container". */
    public static final int NO_SUCH_CONTAINER = 4040002;
    /** The API's code for "Api freq out of limit", answered with HTTP 403. */
    public static final int RATE_LIMITED = 4030001;
    /** The API's code for "Invalid parameters". */
    public static final int INVALID_PARAMETERS = 4000001;

    /** The settings of the one account of {@code flowbill.api.*}. */
    private static final String SINGLE_ACCOUNT = "flowbill.api";

    private final String endpoint;
    private final Long containerId;
    private final int httpStatus;
    private final Integer apiCode;
    private final String apiMessage;
    private final int attempts;
    private final boolean retriesExhausted;
    private final String problem;

    ContainerApiException(String endpoint, Long containerId, int httpStatus, Integer apiCode, String apiMessage,
            int attempts, boolean retriesExhausted, String problem, Throwable cause) {
        super(describe(endpoint, containerId, httpStatus, apiCode, apiMessage, attempts, retriesExhausted, problem), cause);
        this.endpoint = endpoint;
        this.containerId = containerId;
        this.httpStatus = httpStatus;
        this.apiCode = apiCode;
        this.apiMessage = apiMessage;
        this.attempts = attempts;
        this.retriesExhausted = retriesExhausted;
        this.problem = problem;
    }

    /**
     * Refused credentials (HTTP 401, or a 4xx from the token endpoint) and an API that cannot be reached (no
     * response) are named with the setting to check; other failures are not diagnosed.
     */
    @Override
    public Optional<String> diagnosis(String during, UnaryOperator<String> setting) {
        String account = Optional.ofNullable(setting.apply(ACCOUNT)).orElse(SINGLE_ACCOUNT);
        String url = Optional.ofNullable(setting.apply(account + ".base-url")).orElse("the container API");
        if (httpStatus == 401 || (endpoint.equals("token") && httpStatus >= 400 && httpStatus < 500)) {
            return Optional.of("container API: " + url + " refused the credentials (HTTP " + httpStatus
                    + (apiMessage == null ? "" : ", '" + apiMessage + "'") + "); check " + (account.equals(SINGLE_ACCOUNT)
                            ? "flowbill.api.token or flowbill.api.token-file, or flowbill.api.app-key with"
                                    + " flowbill.api.app-secret"
                            : account + ".token-file, or " + account + ".app-key-file with " + account
                                    + ".app-secret-file"));
        }
        if (httpStatus == 0) {
            return Optional.of("container API: cannot reach " + url + " (" + networkReason() + ")"
                    + (during == null ? "" : " during " + during) + "; check " + account + ".base-url and that the"
                    + " API is up, then " + RESUME);
        }
        return Optional.empty();
    }

    private String networkReason() {
        return Causes.find(this, ConnectException.class).isPresent() ? "connection refused" : OneLineReason.of(this);
    }

    /** The stable endpoint name: images, create, modify, list, get, delete, restart, save_image, flow or token. */
    public String endpoint() {
        return endpoint;
    }

    /** The container the call was about, or {@code null}. */
    public Long containerId() {
        return containerId;
    }

    /** The last HTTP status, or 0 when no answer arrived (timeout, connection error). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The API's seven-digit code ({@code 4040002}), or {@code null} when the body had none. */
    public Integer apiCode() {
        return apiCode;
    }

    public String apiMessage() {
        return apiMessage;
    }

    /** How many HTTP requests the call made in all. */
    public int attempts() {
        return attempts;
    }

    /** True when the failure was transient and the client gave up after its retries. */
    public boolean retriesExhausted() {
        return retriesExhausted;
    }

    /** What went wrong, in a few words, without the endpoint and status. */
    String problem() {
        return problem;
    }

    /** True for 404 with code 4040002: the container is gone. See {@link ContainerNotFoundException}. */
    public boolean isNotFound() {
        return httpStatus == 404 && apiCode != null && apiCode == NO_SUCH_CONTAINER;
    }

    /** True for the cloud's rate limit (403 with 4030001) and for 429. */
    public boolean isRateLimited() {
        return httpStatus == 429 || (httpStatus == 403 && apiCode != null && apiCode == RATE_LIMITED);
    }

    public boolean isInvalidParameters() {
        return httpStatus == 400;
    }

    private static String describe(String endpoint, Long containerId, int status, Integer code, String message,
            int attempts, boolean exhausted, String problem) {
        StringBuilder text = new StringBuilder(endpoint);
        if (containerId != null) {
            text.append(" container ").append(containerId);
        }
        text.append(": ");
        if (exhausted) {
            text.append("gave up after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts").append("; last: ");
        }
        text.append(problem);
        if (status > 0) {
            text.append(" (HTTP ").append(status);
            if (code != null) {
                text.append(", code ").append(code);
            }
            if (message != null) {
                text.append(", '").append(message).append('\'');
            }
            text.append(')');
        }
        return text.toString();
    }
}

package io.flowbill.containerapi;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the container API client ({@code flowbill.api.*}).
 *
 * <p>Credentials: either a static {@code token}, or a {@code token-file} holding one (read and trimmed; read again
 * after a 401), or {@code app-key} plus {@code app-secret}, from which the client obtains tokens and renews them.
 * {@code base-url} may be left out when another component points the client at an in-process sandbox
 * ({@link #withBaseUrl(URI)}); a trailing {@code /api/v1} is taken off (the client adds it). {@code token} and
 * {@code app-secret} never appear in {@link #toString()}.
 *
 * @param flowTimeUnit      how {@code from_time}/{@code to_time} are sent
 * @param maxConcurrency    requests in flight at most
 * @param requestsPerSecond client-side rate limit; 0 means unlimited
 * @param maxRetries        retries after the first attempt for transient failures
 */
@ConfigurationProperties(prefix = "flowbill.api")
@Validated
public record ContainerApiProperties(
        URI baseUrl,
        String token,
        Path tokenFile,
        String appKey,
        String appSecret,
        @DefaultValue("SECONDS") @NotNull FlowTimeUnit flowTimeUnit,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration requestTimeout,
        @DefaultValue("32") @Min(1) int maxConcurrency,
        @DefaultValue("250") @Min(0) int requestsPerSecond,
        @DefaultValue("5") @Min(0) int maxRetries,
        @DefaultValue("200ms") @NotNull Duration initialBackoff,
        @DefaultValue("10s") @NotNull Duration maxBackoff) {

    /** The path every endpoint starts with; the client appends it to the base URL. */
    static final String API_PATH = "/api/v1";

    public ContainerApiProperties {
        baseUrl = withoutApiPath(baseUrl);
        token = blankToNull(token);
        appKey = blankToNull(appKey);
        appSecret = blankToNull(appSecret);
        flowTimeUnit = Objects.requireNonNullElse(flowTimeUnit, FlowTimeUnit.SECONDS);
        connectTimeout = positive("connect-timeout", connectTimeout, Duration.ofSeconds(5));
        requestTimeout = positive("request-timeout", requestTimeout, Duration.ofSeconds(30));
        initialBackoff = positive("initial-backoff", initialBackoff, Duration.ofMillis(200));
        maxBackoff = positive("max-backoff", maxBackoff, Duration.ofSeconds(10));
        if (maxConcurrency < 1 || requestsPerSecond < 0 || maxRetries < 0) {
            throw new IllegalArgumentException("max-concurrency must be >= 1, requests-per-second and max-retries >= 0");
        }
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("initial-backoff must not exceed max-backoff");
        }
        if ((appKey == null) != (appSecret == null)) {
            throw new IllegalArgumentException("app-key and app-secret go together");
        }
        int modes = (token != null ? 1 : 0) + (tokenFile != null ? 1 : 0) + (appKey != null ? 1 : 0);
        if (modes > 1) {
            throw new IllegalArgumentException("configure one of token, token-file or app-key/app-secret");
        }
    }

    /** Every default, pointing at {@code baseUrl}, without credentials. */
    public static ContainerApiProperties defaults(URI baseUrl) {
        return new ContainerApiProperties(baseUrl, null, null, null, null, null, null, null, 32, 250, 5, null, null);
    }

    /** True when a token, a token file or an app key is configured. */
    public boolean hasCredentials() {
        return token != null || tokenFile != null || appKey != null;
    }

    public ContainerApiProperties withBaseUrl(URI url) {
        return new ContainerApiProperties(url, token, tokenFile, appKey, appSecret, flowTimeUnit, connectTimeout,
                requestTimeout, maxConcurrency, requestsPerSecond, maxRetries, initialBackoff, maxBackoff);
    }

    /** These settings with a static token instead of any other credential. */
    public ContainerApiProperties withToken(String staticToken) {
        return new ContainerApiProperties(baseUrl, staticToken, null, null, null, flowTimeUnit, connectTimeout,
                requestTimeout, maxConcurrency, requestsPerSecond, maxRetries, initialBackoff, maxBackoff);
    }

    /** These settings with a token file (read again after a 401) instead of any other credential. */
    public ContainerApiProperties withTokenFile(Path file) {
        return new ContainerApiProperties(baseUrl, null, file, null, null, flowTimeUnit, connectTimeout,
                requestTimeout, maxConcurrency, requestsPerSecond, maxRetries, initialBackoff, maxBackoff);
    }

    /** These settings with an app key and secret instead of any other credential. */
    public ContainerApiProperties withAppCredentials(String key, String secret) {
        return new ContainerApiProperties(baseUrl, null, null, key, secret, flowTimeUnit, connectTimeout,
                requestTimeout, maxConcurrency, requestsPerSecond, maxRetries, initialBackoff, maxBackoff);
    }

    public ContainerApiProperties withRetries(int retries, Duration initial, Duration max) {
        return new ContainerApiProperties(baseUrl, token, tokenFile, appKey, appSecret, flowTimeUnit, connectTimeout,
                requestTimeout, maxConcurrency, requestsPerSecond, retries, initial, max);
    }

    public ContainerApiProperties withTimeouts(Duration connect, Duration request) {
        return new ContainerApiProperties(baseUrl, token, tokenFile, appKey, appSecret, flowTimeUnit, connect,
                request, maxConcurrency, requestsPerSecond, maxRetries, initialBackoff, maxBackoff);
    }

    public ContainerApiProperties withLimits(int concurrency, int perSecond) {
        return new ContainerApiProperties(baseUrl, token, tokenFile, appKey, appSecret, flowTimeUnit, connectTimeout,
                requestTimeout, concurrency, perSecond, maxRetries, initialBackoff, maxBackoff);
    }

    public ContainerApiProperties withFlowTimeUnit(FlowTimeUnit unit) {
        return new ContainerApiProperties(baseUrl, token, tokenFile, appKey, appSecret, unit, connectTimeout,
                requestTimeout, maxConcurrency, requestsPerSecond, maxRetries, initialBackoff, maxBackoff);
    }

    @Override
    public String toString() {
        return "ContainerApiProperties[baseUrl=" + baseUrl + ", token=" + Secrets.mask(token) + ", tokenFile=" + tokenFile
                + ", appKey=" + appKey + ", appSecret=" + Secrets.mask(appSecret) + ", flowTimeUnit=" + flowTimeUnit
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxConcurrency=" + maxConcurrency + ", requestsPerSecond=" + requestsPerSecond
                + ", maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + "]";
    }

    /**
     * A base URL written as the API's own address ({@code http://host/api/v1}, as the sandbox prints it) is the
     * address before that path: the client appends {@code /api/v1/...} itself.
     */
    private static URI withoutApiPath(URI url) {
        String text = url == null ? "" : url.toString().replaceFirst("/+$", "");
        return text.endsWith(API_PATH) ? URI.create(text.substring(0, text.length() - API_PATH.length())) : url;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}

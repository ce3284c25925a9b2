package io.flowbill.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a run's metrics to a Prometheus Pushgateway with {@code PUT <url>/metrics/job/<job>/command/<command>}:
 * service-level batch metrics, grouped by job and command (no {@code instance}), each push replacing the previous
 * one of the same command only; so a failed {@code meter} never erases what the last {@code nightly} pushed.
 * Prometheus scrapes the Pushgateway with {@code honor_labels: true}, keeping {@code job} and {@code command}.
 * A failed push is logged and reported as false; it never throws, so it cannot fail the billing run that produced
 * the metrics.
 */
final class PushgatewayClient {

    private static final Logger log = LoggerFactory.getLogger(PushgatewayClient.class);

    private final MetricsProperties.Pushgateway settings;
    private final URI target;

    PushgatewayClient(MetricsProperties.Pushgateway settings, String command) {
        this.settings = settings;
        this.target = groupUri(settings.url(), settings.job(), command);
    }

    static URI groupUri(URI base, String job, String command) {
        String url = base.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return URI.create(url + "/metrics/job/" + segment(job) + "/command/" + segment(command));
    }

    /** A label value as a path segment; command names are words, anything else is percent-encoded. */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** True when the Pushgateway accepted the metrics. */
    boolean push(byte[] text) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(settings.timeout())
                .header("Content-Type", PrometheusText.CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(text))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                log.info("Pushed metrics to {}", shown());
                return true;
            }
            log.warn("Pushing metrics to {} failed with HTTP {}: {}; the run itself is not affected", shown(),
                    response.statusCode(), abbreviate(response.body()));
        }
        catch (IOException e) {
            log.warn("Pushing metrics to {} failed: {}; the run itself is not affected", shown(), e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Pushing metrics to {} was interrupted; the run itself is not affected", shown());
        }
        catch (RuntimeException e) {
            log.warn("Pushing metrics to {} failed: {}; the run itself is not affected", shown(), e.toString());
        }
        return false;
    }

    /** The target without any user info, which may hold a password. */
    private String shown() {
        return target.getScheme() + "://" + target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort())
                + target.getRawPath();
    }

    private static String abbreviate(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}

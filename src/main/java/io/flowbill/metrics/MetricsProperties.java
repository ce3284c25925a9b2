package io.flowbill.metrics;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Where a one-shot run publishes its metrics when it ends ({@code flowbill.metrics.*}). Neither is set by default:
 * a long-running process is scraped instead.
 *
 * @param pushgateway the Prometheus Pushgateway to push to
 * @param textfile    a file (ending in {@code .prom}) in node_exporter's textfile directory, rewritten atomically
 */
@Validated
@ConfigurationProperties(prefix = "flowbill.metrics")
public record MetricsProperties(@Valid @DefaultValue Pushgateway pushgateway, Path textfile) {

    public MetricsProperties {
        if (textfile != null && !textfile.getFileName().toString().endsWith(".prom")) {
            throw new IllegalArgumentException("flowbill.metrics.textfile is " + textfile
                    + ": name a .prom file (node_exporter's textfile collector reads only *.prom), e.g. "
                    + "/var/lib/node_exporter/textfile_collector/flowbill.prom");
        }
    }

    /**
     * @param url     the Pushgateway's base URL, e.g. {@code http://pushgateway:9091}; unset, nothing is pushed
     * @param job     the grouping key's {@code job}: metrics go to {@code <url>/metrics/job/<job>}
     * @param timeout how long a push may take before it is given up (and logged)
     */
    public record Pushgateway(URI url, @NotNull @Pattern(regexp = "[A-Za-z0-9_.-]+") @DefaultValue("flowbill") String job,
            @NotNull @DefaultValue("10s") Duration timeout) {

        public Pushgateway {
            if (url != null && (url.getHost() == null || !List.of("http", "https").contains(url.getScheme()))) {
                throw new IllegalArgumentException("flowbill.metrics.pushgateway.url is " + url
                        + ": write the Pushgateway's http(s) base URL, e.g. http://pushgateway:9091");
            }
        }
    }

    boolean publishes() {
        return pushgateway.url() != null || textfile != null;
    }
}

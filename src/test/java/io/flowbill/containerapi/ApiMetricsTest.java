package io.flowbill.containerapi;

import static io.flowbill.containerapi.StubApi.Answer.error;
import static io.flowbill.containerapi.StubApi.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The meters as Prometheus shows them, and their bounded tags. */
class ApiMetricsTest {

    @Test
    void exposesRequestsRetriesAndRenewalsUnderPrometheusNamesWithoutContainerIds() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (StubApi api = new StubApi();
                ContainerApiClient client = new ContainerApiClient(ContainerApiProperties.defaults(api.baseUrl())
                        .withAppCredentials("k", "s").withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2)),
                        registry)) {
            api.script("POST /api/v1/token", json(201, "{\"token\": \"t\", \"expires_in\": \"86399\"}"));
            api.script("GET /api/v1/containers/424242/flow", error(403, 4030001, "Api freq out of limit"),
                    json(200, ApiSamples.FLOW));

            client.flow(424242, null, null);
        }

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("flowbill_api_requests_seconds_count{endpoint=\"flow\",outcome=\"success\"} 1")
                .contains("flowbill_api_requests_seconds_count{endpoint=\"flow\",outcome=\"rate_limited\"} 1")
                .contains("flowbill_api_requests_seconds_count{endpoint=\"token\",outcome=\"success\"} 1")
                .contains("flowbill_api_retries_total{endpoint=\"flow\",reason=\"rate_limited\"} 1")
                .contains("flowbill_api_token_renewals_total{reason=\"initial\"} 1")
                .doesNotContain("424242");
        Set<String> tagKeys = registry.getMeters().stream().map(Meter::getId)
                .filter(id -> id.getName().startsWith("flowbill.api"))
                .flatMap(id -> id.getTags().stream()).map(Tag::getKey).collect(Collectors.toSet());
        assertThat(tagKeys).containsExactlyInAnyOrder("endpoint", "outcome", "reason");
    }

    @Test
    void anAccountsClientTagsItsMetersWithItsTenant() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (StubApi api = new StubApi();
                ContainerApiClient client = ContainerApiClient.ofTenant(ContainerApiProperties.defaults(api.baseUrl())
                        .withToken("t").withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2)), registry, "acme")) {
            api.script("GET /api/v1/containers/424242/flow", error(403, 4030001, "Api freq out of limit"),
                    json(200, ApiSamples.FLOW));

            client.flow(424242, null, null);
        }

        assertThat(registry.scrape())
                .contains("flowbill_api_requests_seconds_count{endpoint=\"flow\",outcome=\"success\",tenant=\"acme\"} 1")
                .contains("flowbill_api_retries_total{endpoint=\"flow\",reason=\"rate_limited\",tenant=\"acme\"} 1")
                .doesNotContain("424242");
    }
}

package io.flowbill.containerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ContainerApiPropertiesTest {

    private static ContainerApiProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("flowbill.api", ContainerApiProperties.class);
    }

    @Test
    void aBaseUrlWrittenAsTheApisOwnAddressIsTheAddressBeforeIt() {
        assertThat(bind(Map.of("flowbill.api.base-url", "http://127.0.0.1:8080/api/v1")).baseUrl())
                .isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(bind(Map.of("flowbill.api.base-url", "https://gw.example/cloud/api/v1/")).baseUrl())
                .isEqualTo(URI.create("https://gw.example/cloud"));
        assertThat(bind(Map.of("flowbill.api.base-url", "https://open.c.163.com")).baseUrl())
                .isEqualTo(URI.create("https://open.c.163.com"));
    }

    @Test
    void bindsEverySettingFromKebabCaseConfiguration() {
        ContainerApiProperties p = bind(Map.ofEntries(
                Map.entry("flowbill.api.base-url", "https://open.c.163.com"),
                Map.entry("flowbill.api.app-key", "k"),
                Map.entry("flowbill.api.app-secret", "s"),
                Map.entry("flowbill.api.flow-time-unit", "milliseconds"),
                Map.entry("flowbill.api.connect-timeout", "2s"),
                Map.entry("flowbill.api.request-timeout", "1m"),
                Map.entry("flowbill.api.max-concurrency", "8"),
                Map.entry("flowbill.api.requests-per-second", "0"),
                Map.entry("flowbill.api.max-retries", "2"),
                Map.entry("flowbill.api.initial-backoff", "50ms"),
                Map.entry("flowbill.api.max-backoff", "1s")));

        assertThat(p).isEqualTo(new ContainerApiProperties(URI.create("https://open.c.163.com"), null, null, "k", "s",
                FlowTimeUnit.MILLISECONDS, Duration.ofSeconds(2), Duration.ofMinutes(1), 8, 0, 2, Duration.ofMillis(50),
                Duration.ofSeconds(1)));
    }

    @Test
    void appliesTheDefaultsWhenNothingIsSet() {
        ContainerApiProperties p = bind(Map.of());

        assertThat(p).isEqualTo(ContainerApiProperties.defaults(null));
        assertThat(p.baseUrl()).isNull();
        assertThat(p.flowTimeUnit()).isEqualTo(FlowTimeUnit.SECONDS);
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.maxConcurrency()).isEqualTo(32);
        assertThat(p.requestsPerSecond()).isEqualTo(250);
        assertThat(p.maxRetries()).isEqualTo(5);
        assertThat(p.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(p.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.hasCredentials()).isFalse();
    }

    @Test
    void bindsATokenFile() {
        ContainerApiProperties p = bind(Map.of("flowbill.api.token-file", "/run/secrets/api-token"));

        assertThat(p.tokenFile()).isEqualTo(Path.of("/run/secrets/api-token"));
        assertThat(p.hasCredentials()).isTrue();
    }

    @Test
    void rejectsAnInvalidSettingWhenBinding() {
        assertThatThrownBy(() -> bind(Map.of("flowbill.api.max-concurrency", "0"))).isInstanceOf(BindException.class);
    }

    @Test
    void rejectsNonPositiveTimeoutsAndBackoffs() {
        var d = ContainerApiProperties.defaults(null);
        assertThatThrownBy(() -> d.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("connect-timeout");
        assertThatThrownBy(() -> d.withRetries(1, Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("initial-backoff");
        assertThatThrownBy(() -> d.withRetries(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("must not exceed max-backoff");
        assertThatThrownBy(() -> d.withRetries(-1, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withLimits(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnAppKeyWithoutSecret() {
        assertThatThrownBy(() -> bind(Map.of("flowbill.api.app-key", "k"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("app-key and app-secret go together");
    }

    @Test
    void rejectsTwoKindsOfCredentials() {
        assertThatThrownBy(() -> bind(Map.of("flowbill.api.token", "t", "flowbill.api.token-file", "/t")))
                .rootCause().hasMessageContaining("one of token, token-file or app-key/app-secret");
    }

    @Test
    void treatsBlankCredentialsAsAbsent() {
        assertThat(bind(Map.of("flowbill.api.token", "  ")).token()).isNull();
    }

    @Test
    void switchesCredentialsWithoutMixingThem() {
        var p = ContainerApiProperties.defaults(null).withToken("t").withAppCredentials("k", "s");

        assertThat(p.token()).isNull();
        assertThat(p.withToken("t2").appKey()).isNull();
    }
}

package io.flowbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class PushgatewayClientTest {

    static final byte[] TEXT = "# TYPE flowbill_x gauge\nflowbill_x 1.0\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void putsTheTextToTheCommandsOwnGroupWithoutAnInstance() throws Exception {
        try (PushgatewayStandIn pushgateway = PushgatewayStandIn.answering(200)) {
            boolean pushed = client(URI.create(pushgateway.url() + "/"), "flowbill").push(TEXT);

            assertThat(pushed).isTrue();
            assertThat(pushgateway.pushes()).singleElement().satisfies(push -> {
                assertThat(push.method()).isEqualTo("PUT");
                assertThat(push.path()).isEqualTo("/metrics/job/flowbill/command/nightly");
                assertThat(push.contentType()).isEqualTo(PrometheusText.CONTENT_TYPE);
                assertThat(push.body()).isEqualTo(TEXT);
            });
        }
    }

    @Test
    void aGroupUnderAPathPrefixKeepsThePrefix() {
        assertThat(PushgatewayClient.groupUri(URI.create("https://gw.example/prefix//"), "flowbill", "meter"))
                .isEqualTo(URI.create("https://gw.example/prefix/metrics/job/flowbill/command/meter"));
    }

    @Test
    void eachCommandPushesToItsOwnGroupSoAFailedMeterLeavesTheNightlysGroup() {
        URI base = URI.create("http://gw:9091");

        assertThat(PushgatewayClient.groupUri(base, "flowbill", "meter"))
                .isNotEqualTo(PushgatewayClient.groupUri(base, "flowbill", "nightly"));
        assertThat(PushgatewayClient.groupUri(base, "flowbill", "price book").getRawPath())
                .isEqualTo("/metrics/job/flowbill/command/price%20book");
    }

    @Test
    void anHttp500IsReportedNotThrown() throws Exception {
        try (PushgatewayStandIn pushgateway = PushgatewayStandIn.answering(500)) {
            assertThat(client(pushgateway.url(), "flowbill").push(TEXT)).isFalse();
            assertThat(pushgateway.pushes()).hasSize(1);
        }
    }

    @Test
    void aRefusedConnectionIsReportedNotThrown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThat(client(URI.create("http://127.0.0.1:" + closedPort), "flowbill").push(TEXT)).isFalse();
    }

    private static PushgatewayClient client(URI url, String job) {
        return new PushgatewayClient(new MetricsProperties.Pushgateway(url, job, Duration.ofSeconds(5)), "nightly");
    }
}

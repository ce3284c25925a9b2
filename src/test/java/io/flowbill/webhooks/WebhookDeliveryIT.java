package io.flowbill.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.flowbill.FlowbillApplication;
import io.flowbill.billing.BillingService;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.metrics.MetricsPublisher;
import io.flowbill.sandbox.SandboxClock;
import io.flowbill.system.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A day billed in the demo announces {@code day.billed} to a local receiver that refuses the first two deliveries:
 * the retries follow the backoff on the injected clock, go on after {@code serve} is started again (a new context on
 * the same database), and the third attempt delivers it, once. Every request's signature is checked with an HMAC
 * computed here, not with flowbill's code. Billing the same day again records no second event; closing a month
 * announces {@code invoice.finalized} once; a replay sends the same event again.
 */
class WebhookDeliveryIT {

    static final String SECRET = "it-secret-" + System.nanoTime();
    static final String TENANT = "demo";

    /** flowbill's clock, moved by the test; it starts at the wall clock because the demo's sandbox runs on that. */
    static final SandboxClock clock = SandboxClock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    static HttpServer receiver;
    static final AtomicInteger refusalsLeft = new AtomicInteger(2);
    static final List<Received> received = new CopyOnWriteArrayList<>();
    static final List<Received> thresholds = new CopyOnWriteArrayList<>();

    /** One request as the receiver saw it, and when (flowbill's clock) it came. */
    record Received(String eventId, String signature, String body, Instant at, int answered) {
    }

    @TempDir
    static Path folder;

    static TestDatabase.Database db;

    @Configuration(proxyBeanMethods = false)
    static class MovedClock {

        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        db = TestDatabase.fresh();
        Files.writeString(folder.resolve("webhook-secret"), SECRET + "\n");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> answer(exchange, received,
                refusalsLeft.getAndUpdate(n -> Math.max(n - 1, 0)) > 0 ? 503 : 204));
        receiver.createContext("/thresholds", exchange -> answer(exchange, thresholds, 204));
        receiver.createContext("/invoices", exchange -> answer(exchange, new CopyOnWriteArrayList<>(), 204));
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    private static void answer(HttpExchange exchange, List<Received> into, int status) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        into.add(new Received(exchange.getRequestHeaders().getFirst("Flowbill-Event-Id"),
                exchange.getRequestHeaders().getFirst("Flowbill-Signature"), body, clock.instant(), status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Test
    void refusedTwiceThenDeliveredOnceOnTheThirdAttemptAcrossARestart() throws Exception {
        LocalDate day;
        Instant secondAttempt;
        // given: a serve with an endpoint for day.billed and a threshold every billed day reaches
        try (ConfigurableApplicationContext serve = serve()) {
            BillingService billing = serve.getBean(BillingService.class);
            day = billing.zone().yesterday(clock.instant().minus(Duration.ofHours(1)));
            billing.nightly(TENANT, day);
            JdbcTemplate jdbc = serve.getBean(JdbcTemplate.class);
            assertThat(deliveries(jdbc, "day.billed")).as("day.billed of day='%s'", day).hasSize(1);
            assertThat(pendingGauge(serve)).as("pending deliveries of tenant='%s'", TENANT).isEqualTo(2.0);
            WebhookSender sender = serve.getBean(WebhookSender.class);

            // when: the first attempt is refused
            sender.sendDue();
            assertThat(received).hasSize(1);
            assertThat(row(jdbc)).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                    .containsEntry("last_response_code", 503);
            // then: nothing is sent before the shortest wait (half of 30 s) has passed
            clock.advance(Duration.ofSeconds(14));
            sender.sendDue();
            assertThat(received).as("attempts 14 s after the first").hasSize(1);
            // the longest wait after one failure is 30 s
            clock.advance(Duration.ofSeconds(16));
            sender.sendDue();
            assertThat(received).as("attempts 30 s after the first").hasSize(2);
            secondAttempt = clock.instant();
            assertThat(row(jdbc)).containsEntry("status", "PENDING").containsEntry("attempts", 2);
        }

        // a new serve process on the same database goes on with the stored schedule
        try (ConfigurableApplicationContext serve = serve()) {
            JdbcTemplate jdbc = serve.getBean(JdbcTemplate.class);
            WebhookSender sender = serve.getBean(WebhookSender.class);
            Instant next = ((java.sql.Timestamp) row(jdbc).get("next_attempt_at")).toInstant();
            assertThat(next).as("the wait after two failures: 30 to 60 s")
                    .isBetween(secondAttempt.plusSeconds(30), secondAttempt.plusSeconds(60));
            clock.set(secondAttempt.plusSeconds(29));
            sender.sendDue();
            assertThat(received).as("attempts 29 s after the second, after the restart").hasSize(2);

            clock.set(secondAttempt.plusSeconds(60));
            sender.sendDue();

            assertThat(received).as("attempts after the restart").hasSize(3);
            assertThat(received).extracting(Received::answered).containsExactly(503, 503, 204);
            assertThat(received).extracting(Received::eventId).as("the same event every time").containsOnly(
                    row(jdbc).get("event_id").toString());
            assertThat(received).extracting(Received::body).as("the same body every time").containsOnly(
                    received.get(0).body());
            assertThat(received.get(0).body()).contains("\"type\":\"day.billed\"", "\"tenant\":\"demo\"",
                    "\"day\":\"" + day + "\"");
            received.forEach(WebhookDeliveryIT::signedWithTheSecret);
            assertThat(jdbc.queryForObject("select count(*) from webhook_delivery where status = 'DELIVERED'"
                    + " and event_type = 'day.billed'", Long.class)).as("delivered day.billed rows").isEqualTo(1);
            assertThat(row(jdbc)).containsEntry("status", "DELIVERED").containsEntry("attempts", 3)
                    .containsEntry("last_response_code", 204);
            assertThat(thresholds).as("usage.threshold_crossed deliveries").hasSize(1);
            thresholds.forEach(WebhookDeliveryIT::signedWithTheSecret);
            assertThat(pendingGauge(serve)).as("pending deliveries of tenant='%s'", TENANT).isZero();

            // and: billing the same day again records no second event
            serve.getBean(BillingService.class).nightly(TENANT, day);
            assertThat(deliveries(jdbc, "day.billed")).as("day.billed of day='%s' after a rerun", day).hasSize(1);
            assertThat(deliveries(jdbc, "usage.threshold_crossed")).as("thresholds after a rerun").hasSize(1);
            clock.advance(Duration.ofHours(1));
            assertThat(sender.sendDue()).as("attempts after the rerun").isZero();
            assertThat(received).hasSize(3);

            // and: closing the month before announces invoice.finalized once, also when it is closed again
            YearMonth before = YearMonth.from(day).minusMonths(1);
            serve.getBean(InvoiceService.class).close(TENANT, before, true);
            serve.getBean(InvoiceService.class).close(TENANT, before, true);
            assertThat(deliveries(jdbc, "invoice.finalized")).as("invoice.finalized of month='%s'", before)
                    .singleElement().satisfies(row -> assertThat(row.get("payload").toString())
                            .contains("\"month\":\"" + before + "\"", "\"status\":\"FINAL\""));

            // and: a replay sends the delivered event again, with the same id and body
            WebhookDeliveries listing = serve.getBean(WebhookDeliveries.class);
            long id = ((Number) row(jdbc).get("id")).longValue();
            assertThat(listing.list(TENANT, "DELIVERED", 10)).extracting(WebhookDeliveries.Delivery::id).contains(id);
            assertThat(listing.replay(id)).isTrue();
            assertThat(listing.find(id)).get().extracting(WebhookDeliveries.Delivery::status).isEqualTo("PENDING");
            sender.sendDue();
            assertThat(received).hasSize(4);
            assertThat(received.get(3).body()).isEqualTo(received.get(0).body());
            signedWithTheSecret(received.get(3));
            assertThat(row(jdbc)).containsEntry("status", "DELIVERED").containsEntry("attempts", 1);
        }
    }

    private static ConfigurableApplicationContext serve() {
        return new SpringApplicationBuilder(FlowbillApplication.class, MovedClock.class)
                .web(WebApplicationType.SERVLET)
                .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(), "--server.port=0", "--flowbill.demo=true",
                        "--flowbill.sandbox.containers=8", "--flowbill.sandbox.seed=7",
                        "--flowbill.export.dir=" + folder.resolve("export"), "--flowbill.serve.auto-tick=false",
                        "--flowbill.webhooks.auto-send=false",
                        "--flowbill.webhooks.endpoints[0].tenant=" + TENANT,
                        "--flowbill.webhooks.endpoints[0].url=http://127.0.0.1:" + receiver.getAddress().getPort()
                                + "/hook",
                        "--flowbill.webhooks.endpoints[0].secret-file=" + folder.resolve("webhook-secret"),
                        "--flowbill.webhooks.endpoints[0].events[0]=day.billed",
                        "--flowbill.webhooks.endpoints[1].tenant=" + TENANT,
                        "--flowbill.webhooks.endpoints[1].url=http://127.0.0.1:" + receiver.getAddress().getPort()
                                + "/thresholds",
                        "--flowbill.webhooks.endpoints[1].secret-file=" + folder.resolve("webhook-secret"),
                        "--flowbill.webhooks.endpoints[1].events[0]=usage.threshold_crossed",
                        "--flowbill.webhooks.endpoints[2].tenant=" + TENANT,
                        "--flowbill.webhooks.endpoints[2].url=http://127.0.0.1:" + receiver.getAddress().getPort()
                                + "/invoices",
                        "--flowbill.webhooks.endpoints[2].secret-file=" + folder.resolve("webhook-secret"),
                        "--flowbill.webhooks.endpoints[2].events[0]=invoice.finalized",
                        "--flowbill.webhooks.endpoints[2].events[1]=credit_note.created",
                        "--flowbill.webhooks.thresholds[0].tenant=" + TENANT,
                        "--flowbill.webhooks.thresholds[0].amount=0.01");
    }

    private static List<Map<String, Object>> deliveries(JdbcTemplate jdbc, String type) {
        return jdbc.queryForList("select * from webhook_delivery where event_type = ?", type);
    }

    private static Map<String, Object> row(JdbcTemplate jdbc) {
        return jdbc.queryForMap("select * from webhook_delivery where event_type = 'day.billed'");
    }

    private static double pendingGauge(ConfigurableApplicationContext context) {
        context.getBean(MetricsPublisher.class).refreshDatabaseFigures();
        return context.getBean(MeterRegistry.class).get("flowbill.webhook.deliveries.pending").tag("tenant", TENANT)
                .gauge().value();
    }

    /** t is the sending time, v1 the HMAC-SHA256 of t.body with the secret, computed here. */
    private static void signedWithTheSecret(Received request) {
        String[] parts = request.signature().split(",");
        assertThat(parts).as("signature header '%s'", request.signature()).hasSize(2);
        assertThat(parts[0]).isEqualTo("t=" + request.at().getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((request.at().getEpochSecond() + "."
                    + request.body()).getBytes(StandardCharsets.UTF_8)));
            assertThat(parts[1]).as("signature of event='%s'", request.eventId()).isEqualTo("v1=" + expected);
        }
        catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}

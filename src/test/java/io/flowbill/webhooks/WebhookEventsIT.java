package io.flowbill.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

import com.sun.net.httpserver.HttpServer;

import io.flowbill.FlowbillApplication;
import io.flowbill.billing.BillingService;
import io.flowbill.invoicing.InvoiceService;
import io.flowbill.invoicing.RatingService;
import io.flowbill.sandbox.SandboxClock;
import io.flowbill.system.TestDatabase;

/**
 * The events of a failed night, a closed month and its downward correction, each recorded by the code that does
 * the work (the day billing job, the month's close, the invoice refresh) and delivered signed to a receiver that
 * takes every event: {@code billing.failed} when the rating step of the demo's day fails, {@code day.billed} when the
 * resumed run completes, {@code invoice.finalized} when the month is closed, {@code credit_note.created} when the
 * closed month is rated again with a container's usage gone. The signature is checked with an HMAC computed here.
 */
class WebhookEventsIT {

    static final String SECRET = "events-secret-" + System.nanoTime();
    static final String TENANT = "demo";

    /** flowbill's clock: the wall clock's now (the demo's sandbox runs on that), moved past the month to close it. */
    static final SandboxClock clock = SandboxClock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    static HttpServer receiver;
    static final List<Received> received = new CopyOnWriteArrayList<>();

    /** One request as the receiver saw it. */
    record Received(String eventId, String signature, String body) {
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
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Flowbill-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Flowbill-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void failedNightClosedMonthAndItsDownwardCorrectionAreEachRecordedOnceAndDeliveredSigned() throws Exception {
        try (ConfigurableApplicationContext serve = serve()) {
            BillingService billing = serve.getBean(BillingService.class);
            JdbcTemplate jdbc = serve.getBean(JdbcTemplate.class);
            WebhookSender sender = serve.getBean(WebhookSender.class);
            LocalDate day = billing.zone().yesterday(clock.instant().minus(Duration.ofHours(1)));
            YearMonth month = YearMonth.from(day);

            // when: the day's rating cannot write its charge lines
            failChargeLines(jdbc, true);
            assertThatThrownBy(() -> billing.nightly(TENANT, day)).as("the night of %s", day).isNotNull();
            failChargeLines(jdbc, false);
            // then: billing.failed names the day and the run
            Map<String, Object> failed = only(jdbc, "billing.failed");
            assertThat(failed.get("payload").toString()).as("billing.failed of day='%s'", day)
                    .contains("\"day\":\"" + day + "\"", "\"job_execution_id\":", "charge_line refused");

            // when: the run is resumed and completes, then the month is closed once it is over
            billing.nightly(TENANT, day);
            assertThat(only(jdbc, "day.billed").get("payload").toString()).contains("\"day\":\"" + day + "\"");
            clock.set(billing.zone().startOf(month.plusMonths(1)).plus(Duration.ofHours(1)));
            serve.getBean(InvoiceService.class).close(TENANT, month, true);
            assertThat(only(jdbc, "invoice.finalized").get("payload").toString()).contains("\"month\":\"" + month
                    + "\"", "\"status\":\"FINAL\"");

            // when: the closed month is rated again with one container's usage gone
            long container = jdbc.queryForObject("select min(container_id) from charge_line where tenant_id = ?"
                    + " and charge_date = ? and amount > 0", Long.class, TENANT, day);
            jdbc.update("delete from usage_hour where tenant_id = ? and container_id = ?", TENANT, container);
            serve.getBean(RatingService.class).rate(TENANT, day);
            serve.getBean(InvoiceService.class).refreshFor(TENANT, day);
            // then: a credit note for the month is announced, issued in the next
            assertThat(only(jdbc, "credit_note.created").get("payload").toString()).as("credit note of container %s",
                    container).contains("\"corrects_month\":\"" + month + "\"", "\"issued_in_month\":\""
                            + month.plusMonths(1) + "\"", "\"total\":\"-");

            // and: every event is delivered, signed, once
            clock.advance(Duration.ofMinutes(1));
            sender.sendDue();
            assertThat(received).extracting(request -> type(request.body())).as("delivered events")
                    .containsExactlyInAnyOrder("billing.failed", "day.billed", "invoice.finalized",
                            "credit_note.created");
            received.forEach(WebhookEventsIT::signedWithTheSecret);
            assertThat(jdbc.queryForObject("select count(*) from webhook_delivery where status <> 'DELIVERED'",
                    Long.class)).as("deliveries not delivered").isZero();
        }
    }

    private static ConfigurableApplicationContext serve() {
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        return new SpringApplicationBuilder(FlowbillApplication.class, MovedClock.class)
                .web(WebApplicationType.SERVLET)
                .run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(), "--server.port=0", "--flowbill.demo=true",
                        "--flowbill.sandbox.containers=8", "--flowbill.sandbox.seed=7",
                        "--flowbill.export.dir=" + folder.resolve("export"), "--flowbill.serve.auto-tick=false",
                        "--flowbill.webhooks.auto-send=false",
                        "--flowbill.webhooks.endpoints[0].tenant=" + TENANT,
                        "--flowbill.webhooks.endpoints[0].url=" + hook,
                        "--flowbill.webhooks.endpoints[0].secret-file=" + folder.resolve("webhook-secret"),
                        "--flowbill.webhooks.endpoints[0].events[0]=billing.failed",
                        "--flowbill.webhooks.endpoints[0].events[1]=day.billed",
                        "--flowbill.webhooks.endpoints[0].events[2]=invoice.finalized",
                        "--flowbill.webhooks.endpoints[0].events[3]=credit_note.created");
    }

    /** Every insert into charge_line fails while on, as when the rating's connection is lost there. */
    private static void failChargeLines(JdbcTemplate jdbc, boolean on) {
        if (on) {
            jdbc.execute("""
                    create or replace function refuse_charge_line() returns trigger language plpgsql as $$
                    begin
                      raise exception 'charge_line refused';
                    end $$""");
            jdbc.execute("create trigger refuse_charge_line before insert on charge_line for each row"
                    + " execute function refuse_charge_line()");
        }
        else {
            jdbc.execute("drop trigger refuse_charge_line on charge_line");
        }
    }

    private static Map<String, Object> only(JdbcTemplate jdbc, String type) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from webhook_delivery where event_type = ?",
                type);
        assertThat(rows).as("outbox rows of event '%s'", type).hasSize(1);
        return rows.get(0);
    }

    private static String type(String body) {
        int at = body.indexOf("\"type\":\"") + 8;
        return body.substring(at, body.indexOf('"', at));
    }

    /** t is the sending time, v1 the HMAC-SHA256 of t.body with the secret, computed here. */
    private static void signedWithTheSecret(Received request) {
        String[] parts = request.signature().split(",");
        assertThat(parts).as("signature header '%s'", request.signature()).hasSize(2);
        assertThat(parts[0]).isEqualTo("t=" + clock.instant().getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((parts[0].substring(2) + "." + request.body())
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(parts[1]).as("signature of event='%s'", request.eventId()).isEqualTo("v1=" + expected);
        }
        catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}

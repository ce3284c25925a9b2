package io.flowbill.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.sun.net.httpserver.HttpServer;

import io.flowbill.sandbox.SandboxClock;
import io.flowbill.system.Migrations;
import io.flowbill.system.TestDatabase;
import io.flowbill.system.TestTenants;

/**
 * While a receiver takes its time to answer, the delivery it is being sent is claimed but not locked: no transaction
 * of the sender stays open across the POST, and a second sender (another {@code serve} replica) neither waits for it
 * nor sends it again. When the lease of a sender that died has passed, the delivery is due again.
 */
class WebhookClaimIT {

    static final String TENANT = "claim";

    @TempDir
    Path folder;

    HttpServer receiver;
    final CountDownLatch arrived = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger requests = new AtomicInteger();
    SingleConnectionDataSource senderConnection;
    JdbcTemplate observer;
    final SandboxClock clock = SandboxClock.fixed(Instant.parse("2026-12-01T08:00:00Z"));

    @BeforeEach
    void receiverThatHoldsTheFirstRequest() throws IOException {
        TestDatabase.Database db = Migrations.apply(TestDatabase.fresh());
        senderConnection = new SingleConnectionDataSource(db.url(), db.user(), db.password(), true);
        observer = new JdbcTemplate(new SingleConnectionDataSource(db.url(), db.user(), db.password(), true));
        TestTenants.register(observer, TENANT);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            requests.incrementAndGet();
            arrived.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        receiver.stop(0);
        senderConnection.destroy();
    }

    @Test
    void aSlowReceiverHoldsNoLockAndASecondSenderDoesNotSendTheSameDeliveryAgain() throws Exception {
        // given: one due delivery
        WebhookProperties settings = settings();
        long id = pendingDelivery();
        WebhookSender first = sender(settings, new JdbcTemplate(senderConnection));

        // when: the first sender is inside the POST
        CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(first::sendDue);
        assertThat(arrived.await(60, TimeUnit.SECONDS)).as("the receiver got the request").isTrue();

        // then: the row is not locked (no transaction waits on the receiver) and is not due for anyone else
        assertThat(observer.queryForList("select id from webhook_delivery where id = ? for update nowait", Long.class,
                id)).containsExactly(id);
        assertThat(observer.queryForObject("""
                select count(*) from pg_stat_activity
                 where datname = current_database() and state like 'idle in transaction%'""", Integer.class))
                .as("connections idle in a transaction while the receiver answers").isZero();
        WebhookSender second = sender(settings, observer);
        assertThat(second.sendDue()).as("deliveries a second replica sends meanwhile").isZero();

        release.countDown();
        assertThat(sending.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(observer.queryForObject("select status from webhook_delivery where id = ?", String.class, id))
                .isEqualTo("DELIVERED");
        assertThat(requests).hasValue(1);
    }

    @Test
    void aClaimWhoseSenderDiedIsDueAgainWhenItsLeaseEnds() {
        // given: a delivery claimed by a sender that never finished (its lease moved the next attempt ahead)
        release.countDown();
        WebhookProperties settings = settings();
        long id = pendingDelivery();
        Instant leaseEnd = clock.instant().plus(settings.timeout().multipliedBy(settings.batchSize() + 1L));
        observer.update("update webhook_delivery set next_attempt_at = ? where id = ?", Timestamp.from(leaseEnd), id);
        WebhookSender sender = sender(settings, observer);

        // when / then: before the lease ends nothing is sent, after it the delivery is sent once
        clock.set(leaseEnd.minusSeconds(1));
        assertThat(sender.sendDue()).isZero();
        clock.set(leaseEnd);
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(requests).hasValue(1);
        assertThat(observer.queryForObject("select attempts from webhook_delivery where id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    private WebhookProperties settings() {
        try {
            Path secret = Files.writeString(folder.resolve("secret"), "claim-secret\n");
            URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            return new WebhookProperties(List.of(new WebhookProperties.Endpoint(TENANT, url, secret.toString(), null)),
                    null, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(10),
                    Duration.ofSeconds(30), 20, false);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long pendingDelivery() {
        Timestamp now = Timestamp.from(clock.instant());
        return observer.queryForObject("""
                insert into webhook_delivery (event_id, tenant_id, event_type, payload, endpoint_url, created_at,
                  retrying_since, next_attempt_at)
                values (gen_random_uuid(), ?, 'day.billed', '{"type":"day.billed"}'::json, ?, ?, ?, ?)
                returning id""", Long.class, TENANT, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                now, now, now);
    }

    private WebhookSender sender(WebhookProperties settings, JdbcTemplate jdbc) {
        return new WebhookSender(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()), settings, clock,
                HttpClient.newHttpClient(), new Backoff(settings.initialBackoff(), settings.maxBackoff(), () -> 1.0));
    }
}

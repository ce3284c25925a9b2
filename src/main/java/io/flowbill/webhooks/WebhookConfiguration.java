package io.flowbill.webhooks;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The webhook sender (every mode: {@code webhooks replay} and tests use it), and its timer in {@code serve}. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    WebhookSender webhookSender(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            WebhookProperties settings, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new WebhookSender(jdbc, transactionManager, settings, clock, http,
                new Backoff(settings.initialBackoff(), settings.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble()));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    WebhookTimer webhookTimer(WebhookSender sender, WebhookProperties settings) {
        return new WebhookTimer(sender, settings);
    }
}

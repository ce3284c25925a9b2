package io.flowbill.cli;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.flowbill.metering.MeteringProperties;
import io.flowbill.pricing.PriceBook;
import io.flowbill.serve.ServeProperties;

/**
 * {@code serve}: runs until stopped (SIGTERM, Ctrl-C). The web server answers {@code /actuator/prometheus},
 * {@code health} and {@code info}; the scheduler ({@code io.flowbill.serve}) meters every hour and bills every
 * day. Shutdown stops a running job at its next chunk boundary.
 */
@Component
@ConditionalOnWebApplication
class ServeCommand implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final CountDownLatch closed = new CountDownLatch(1);
    private final Environment environment;
    private final ServeProperties settings;
    private final MeteringProperties metering;
    private final PriceBook book;

    ServeCommand(Environment environment, ServeProperties settings, MeteringProperties metering, PriceBook book) {
        this.environment = environment;
        this.settings = settings;
        this.metering = metering;
        this.book = book;
    }

    /** Waits until the context closes; a long-running process is scraped, not pushed. */
    int run() throws InterruptedException {
        log.info("Serving on port {}: /actuator/prometheus, /actuator/health, /actuator/info. Metering every hour"
                + " {} after it ends, billing each day at '{}' in {}, catching up to {} after downtime",
                environment.getProperty("local.server.port", "?"), ServeProperties.readable(metering.lag()),
                settings.nightlyCron(), book.zone().id(), ServeProperties.readable(settings.catchUp()));
        closed.await();
        return FlowbillCli.EXIT_OK;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closed.countDown();
    }
}

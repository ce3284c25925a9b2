package io.flowbill.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

import io.flowbill.cluster.ClusterProperties;
import io.flowbill.cluster.WorkerShutdown;
import io.flowbill.serve.ServeProperties;

import sun.misc.Signal;

/**
 * {@code worker}: runs until stopped (SIGTERM, Ctrl-C), taking partitions of the partitioned steps from RabbitMQ
 * and running them against the shared database ({@code io.flowbill.cluster}, docs/scaling.md). No web application:
 * its health and metrics answer on its management port alone ({@link WorkerSettings}).
 * Stopping takes no new request and ends a running partition at its next chunk boundary within
 * {@code flowbill.serve.shutdown-timeout} ({@link WorkerShutdown}), logs one line and exits 0: this command handles
 * SIGTERM and SIGINT itself, so the JVM's exit status is the command's, not 143.
 */
@Component
@ConditionalOnBooleanProperty(ClusterProperties.WORKER)
class WorkerCommand implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    private final CountDownLatch stopAsked = new CountDownLatch(1);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final WorkerShutdown shutdown;
    private final Duration timeout;

    WorkerCommand(WorkerShutdown shutdown, ServeProperties serve) {
        this.shutdown = shutdown;
        this.timeout = serve.shutdownTimeout();
    }

    /** Waits until asked to stop, then stops gracefully; a long-running process is scraped, not pushed. */
    int run() throws InterruptedException {
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(signal), ignored -> stopAsked.countDown());
            }
            catch (IllegalArgumentException taken) {
                // the JVM keeps this signal (-Xrs): its shutdown hook closes the context, which stops us too
            }
        }
        stopAsked.await();
        stopGracefully();
        return FlowbillCli.EXIT_OK;
    }

    /** The context closes without a signal to this command (a shutdown hook, a test): stop the same way first. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        try {
            stopGracefully();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopAsked.countDown();
    }

    private void stopGracefully() throws InterruptedException {
        if (stopped.compareAndSet(false, true)) {
            long started = System.nanoTime();
            String outcome = shutdown.stop(timeout);
            log.info("flowbill worker stopped after {} ms: {}", Duration.ofNanos(System.nanoTime() - started)
                    .toMillis(), outcome);
        }
    }
}

package io.flowbill.cli;

import java.util.concurrent.CountDownLatch;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

import io.flowbill.cluster.ClusterProperties;

/**
 * {@code worker}: runs until stopped (SIGTERM, Ctrl-C), taking partitions of the partitioned steps from RabbitMQ
 * and running them against the shared database ({@code io.flowbill.cluster}, docs/scaling.md). No web application:
 * its health and metrics answer on its management port alone ({@link WorkerSettings}); a stopped worker's unfinished
 * partition goes back to the queue and is run again by another worker.
 */
@Component
@ConditionalOnBooleanProperty(ClusterProperties.WORKER)
class WorkerCommand implements ApplicationListener<ContextClosedEvent> {

    private final CountDownLatch closed = new CountDownLatch(1);

    /** Waits until the context closes; a long-running process is scraped, not pushed. */
    int run() throws InterruptedException {
        closed.await();
        return FlowbillCli.EXIT_OK;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closed.countDown();
    }
}

package io.flowbill.cluster;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * A worker's graceful stop (SIGTERM, Ctrl-C; the {@code worker} command calls it): the listener container cancels
 * its consumers, so the worker takes no new request, every partition running here is asked to stop at its next chunk
 * boundary ({@link PartitionWorker#stopAll}) and ends STOPPED, restartable, its request acknowledged, and its manager
 * sends it again to another worker ({@link RemotePartitionHandler}). A partition still running after the timeout
 * is left to RabbitMQ like a killed worker's: the container closes its channel and the request goes back to the
 * queue.
 */
public final class WorkerShutdown {

    private final SimpleMessageListenerContainer container;
    private final PartitionWorker worker;

    WorkerShutdown(SimpleMessageListenerContainer container, PartitionWorker worker) {
        this.container = container;
        this.worker = worker;
    }

    /** Stops within {@code timeout}; answers what happened, as the end of one log line. */
    public String stop(Duration timeout) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        container.setShutdownTimeout(timeout.toMillis());
        container.stop(stopped::countDown);
        int asked = worker.stopAll();
        boolean inTime = stopped.await(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        int left = worker.running();
        if (asked == 0 && left == 0) {
            return "no new requests taken, no partition was running";
        }
        if (inTime && left == 0) {
            return "no new requests taken, " + asked + " running partition(s) asked to stop at their next chunk"
                    + " boundary, all ended (a STOPPED one is sent to another worker by its manager)";
        }
        return "no new requests taken, " + left + " partition(s) still running after " + timeout.toSeconds()
                + " s (flowbill.serve.shutdown-timeout): left to RabbitMQ to give to another worker";
    }
}

package io.flowbill.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import io.flowbill.system.OneLineReason;

/**
 * A worker's consumer of the requests queue. A message it cannot read as a {@link StepExecutionRequest} goes to the
 * dead-letter queue at once; a request whose partition fails to run (an unknown step, a lost database) is given back
 * for another try, and on its last delivery ({@code flowbill.cluster.delivery-limit}, counted by the quorum queue's
 * {@code x-delivery-count}) goes to the dead-letter queue instead. A dead letter carries the reason in its header
 * {@value #REASON}; nothing is dropped without one (if even the dead-letter queue refuses it, the request is given
 * back, and the queue's own limit dead-letters it). The worker keeps serving the next request either way.
 */
class PartitionRequestListener implements MessageListener {

    /** The header of a dead letter that says why it is one. */
    static final String REASON = "x-flowbill-dead-letter-reason";

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestListener.class);
    private static final int MAX_REASON = 500;

    private final PartitionWorker worker;
    private final MessageConverter converter;
    private final RabbitTemplate deadLetters;
    private final ClusterProperties settings;

    PartitionRequestListener(PartitionWorker worker, RabbitTemplate deadLetters, ClusterProperties settings) {
        this.worker = worker;
        this.converter = PartitionMessages.converter();
        this.deadLetters = deadLetters;
        this.settings = settings;
    }

    @Override
    public void onMessage(Message message) {
        StepExecutionRequest request;
        try {
            request = (StepExecutionRequest) converter.fromMessage(message);
        }
        catch (MessageConversionException | ClassCastException e) {
            deadLetter(message, "unreadable: " + OneLineReason.of(e));
            return;
        }
        try {
            worker.run(request);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while running " + request, e);
        }
        catch (Exception e) {
            long delivery = deliveries(message.getMessageProperties()) + 1;
            String reason = "delivery " + delivery + " of " + settings.deliveryLimit() + " failed: "
                    + OneLineReason.of(e);
            if (delivery >= settings.deliveryLimit()) {
                deadLetter(message, reason);
                return;
            }
            log.warn("Partition request {} (step execution {}) {}; given back for another try",
                    request.getStepName(), request.getStepExecutionId(), reason);
            throw new IllegalStateException(reason, e);
        }
    }

    /** The deliveries before this one, as the quorum queue counts them. */
    private static long deliveries(MessageProperties properties) {
        Object count = properties.getHeader("x-delivery-count");
        return count instanceof Number number ? number.longValue() : 0;
    }

    private void deadLetter(Message message, String reason) {
        String line = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
        message.getMessageProperties().setHeader(REASON, line);
        deadLetters.send("", settings.deadLetterQueue(), message);
        log.error("Partition request dead-lettered to queue '{}': {}", settings.deadLetterQueue(), line);
    }
}

package io.flowbill.webhooks;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code serve}'s sender: looks for due deliveries every {@code flowbill.webhooks.send-interval} on its own thread
 * (a slow receiver never holds up metering or billing), and stops with the application.
 */
class WebhookTimer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookTimer.class);

    private final WebhookSender sender;
    private final WebhookProperties settings;
    private volatile ScheduledExecutorService timer;

    WebhookTimer(WebhookSender sender, WebhookProperties settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (!settings.autoSend()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "webhook-sender"));
        timer.scheduleWithFixedDelay(this::send, settings.sendInterval().toMillis(),
                settings.sendInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = timer;
        timer = null;
        if (current != null) {
            current.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    private void send() {
        try {
            sender.sendDue();
        }
        catch (RuntimeException e) {
            // a throwing task would end the timer for good; the rows stay due and are tried at the next look
            log.warn("Sending webhooks failed: {}", e.toString());
        }
    }
}

package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.notification.sending.MessageSender;
import cn.luoyang.pollution.notification.units.UnitNotices;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The one background thread that keeps the queue moving: a round of sending whenever woken (a new
 * message was queued) or every poll interval (held and retried messages come due), then the unit
 * webhooks (the outboxes have their own sweep, {@link OutboxSweep}). Starting it on boot is what resumes a restarted service's pending messages.
 */
public class SendingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendingLoop.class);

    private final MessageSender sender;
    private final UnitNotices units;
    private final Duration pollInterval;
    private final int batch;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public SendingLoop(MessageSender sender, UnitNotices units, Duration pollInterval, int batch) {
        this.sender = sender;
        this.units = units;
        this.pollInterval = pollInterval;
        this.batch = batch;
    }

    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "sms-sender");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                int claimed = sender.sendDue();
                units.sweep(batch);
                if (claimed < batch) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database or the broker is away: try again on the next tick, nothing is lost
                log.warn("sending round failed: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

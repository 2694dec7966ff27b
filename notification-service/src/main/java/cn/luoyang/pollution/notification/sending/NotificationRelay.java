package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Publishes {@code ReporterNotified} for messages whose state changed (the outbox flag in the
 * message document) and clears the flag. Called right after a change and by a sweep for whatever a
 * crash or a broker outage left behind; the event id is derived from the message and its state, so
 * a second publication is recognisable downstream. The sweep claims each message first, so sweeps
 * on several instances publish each event once.
 */
public final class NotificationRelay {

    private final Messages messages;
    private final NotifiedEvents events;
    private final Clock clock;
    private final Duration lease;
    private final Consumer<SmsMessage> beforePublishing;

    public NotificationRelay(Messages messages, NotifiedEvents events) {
        this(messages, events, Clock.systemUTC(), Duration.ofMinutes(1));
    }

    /** @param lease how long a sweep holds a message whose event it publishes; far longer than a publish takes */
    public NotificationRelay(Messages messages, NotifiedEvents events, Clock clock, Duration lease) {
        this(messages, events, clock, lease, message -> { });
    }

    /**
     * @param beforePublishing told of each change before its event goes out, so that what it does (the
     *                         callback worklist's task) is done again by the sweep if a crash cuts in
     */
    public NotificationRelay(Messages messages, NotifiedEvents events, Clock clock, Duration lease,
            Consumer<SmsMessage> beforePublishing) {
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.lease = lease;
        this.beforePublishing = beforePublishing;
    }

    public void publish(SmsMessage message) {
        if (!message.eventPending()) {
            return;
        }
        beforePublishing.accept(message);
        events.publish(message);
        message.eventPublished();
        // a conflicting write means the message moved on; the sweep publishes its newer state
        messages.save(message);
    }

    public int sweep(int max) {
        int published = 0;
        Instant now = clock.instant();
        for (SmsMessage message : messages.claimPendingEvents(now, now.plus(lease), max)) {
            publish(message);
            published++;
        }
        return published;
    }
}

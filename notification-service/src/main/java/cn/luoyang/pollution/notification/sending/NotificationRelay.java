package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.SmsMessage;

/**
 * Publishes {@code ReporterNotified} for messages whose state changed (the outbox flag in the
 * message document) and clears the flag. Called right after a change and by a sweep for whatever a
 * crash or a broker outage left behind; the event id is derived from the message and its state, so
 * a second publication is recognisable downstream.
 */
public final class NotificationRelay {

    private final Messages messages;
    private final NotifiedEvents events;

    public NotificationRelay(Messages messages, NotifiedEvents events) {
        this.messages = messages;
        this.events = events;
    }

    public void publish(SmsMessage message) {
        if (!message.eventPending()) {
            return;
        }
        events.publish(message);
        message.eventPublished();
        // a conflicting write means the message moved on; the sweep publishes its newer state
        messages.save(message);
    }

    public int sweep(int max) {
        int published = 0;
        for (SmsMessage message : messages.withPendingEvents(max)) {
            publish(message);
            published++;
        }
        return published;
    }
}

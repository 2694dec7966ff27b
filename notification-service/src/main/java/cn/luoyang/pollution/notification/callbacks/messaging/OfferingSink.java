package cn.luoyang.pollution.notification.callbacks.messaging;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.notification.ReporterNotified;
import cn.luoyang.pollution.kit.outbox.EventSink;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.notification.callbacks.Worklist;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Messages;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The outbox relay of {@code sms_messages} publishes through this: before a {@code ReporterNotified}
 * goes out, its message is offered to the callback worklist (回访工作台). The offer is made again if a
 * crash cuts in before the event is out (the relay republishes it), and taking it twice is harmless
 * (one task per message), so no message that SMS could not carry is left without its callback.
 */
public final class OfferingSink implements EventSink {

    /** The states in which SMS did not reach the reporter, so a callback may be owed. */
    private static final Set<String> ENDED_UNANSWERED = Set.of(MessageState.UNREACHABLE.name(), MessageState.FAILED.name());

    private final EventSink broker;
    private final Messages messages;
    private final Worklist worklist;

    public OfferingSink(EventSink broker, Messages messages, Worklist worklist) {
        this.broker = broker;
        this.messages = messages;
        this.worklist = worklist;
    }

    @Override
    public void publish(String topic, Event event) {
        offer(event);
        broker.publish(topic, event);
    }

    /** Offers every entry's message first, then hands the entries to the broker together (one wait for all). */
    @Override
    public void publishAll(List<OutboxEntry> entries, Consumer<OutboxEntry> acknowledged) {
        entries.forEach(entry -> offer(entry.event()));
        broker.publishAll(entries, acknowledged);
    }

    private void offer(Event event) {
        if (event instanceof ReporterNotified notified && ENDED_UNANSWERED.contains(notified.status())) {
            messages.byId(notified.messageId()).ifPresent(worklist::offer);
        }
    }
}

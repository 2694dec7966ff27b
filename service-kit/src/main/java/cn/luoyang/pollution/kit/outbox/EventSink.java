package cn.luoyang.pollution.kit.outbox;

import cn.luoyang.pollution.contracts.Event;
import java.util.List;
import java.util.function.Consumer;

/**
 * The broker as the outbox relay sees it: returns only once the event is durably taken (acks=all,
 * idempotent producer), throws otherwise. The kit's
 * {@link cn.luoyang.pollution.kit.events.EventPublisher} is the one implementation the services use.
 */
@FunctionalInterface
public interface EventSink {

    void publish(String topic, Event event);

    /**
     * Publishes several entries and tells {@code acknowledged} of each one the broker took, in list order,
     * before returning or throwing; throws if any was not taken. This default sends one after the other
     * and stops at the first failure; the {@code EventPublisher} sends them all and then waits for the
     * acknowledgements, so a batch costs about one round trip to the broker instead of one per entry.
     */
    default void publishAll(List<OutboxEntry> entries, Consumer<OutboxEntry> acknowledged) {
        for (OutboxEntry entry : entries) {
            publish(entry.topic(), entry.event());
            acknowledged.accept(entry);
        }
    }
}

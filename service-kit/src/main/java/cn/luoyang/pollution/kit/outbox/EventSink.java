package cn.luoyang.pollution.kit.outbox;

import cn.luoyang.pollution.contracts.Event;

/**
 * The broker as the outbox relay sees it: returns only once the event is durably taken (the
 * services' producers are synchronous with acks=all), throws otherwise. The kit's
 * {@link cn.luoyang.pollution.kit.events.EventPublisher} is the one implementation the services use.
 */
@FunctionalInterface
public interface EventSink {

    void publish(String topic, Event event);
}

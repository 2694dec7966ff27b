package cn.luoyang.pollution.dispatch.messaging;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.dispatch.dispatching.DispatchEvents;
import cn.luoyang.pollution.kit.events.EventPublisher;

/** Publishes on {@code cases.dispatched} through the kit (CloudEvents headers, key = aggregate id, synchronous). */
public class KafkaDispatchEvents implements DispatchEvents {

    private final EventPublisher publisher;

    public KafkaDispatchEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(Event event) {
        publisher.publish(Topics.CASES_DISPATCHED, event);
    }
}

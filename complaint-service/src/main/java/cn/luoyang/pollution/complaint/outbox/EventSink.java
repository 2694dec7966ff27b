package cn.luoyang.pollution.complaint.outbox;

import cn.luoyang.pollution.contracts.Event;

/** The broker, as the relay sees it: returns only once the event is durably taken (acks=all). */
@FunctionalInterface
public interface EventSink {

    void publish(String topic, Event event);
}

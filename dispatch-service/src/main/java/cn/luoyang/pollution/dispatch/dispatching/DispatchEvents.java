package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.contracts.Event;

/** Publishes dispatch's outcomes on {@code cases.dispatched}; returns only once the broker has the event. */
public interface DispatchEvents {

    void publish(Event event);
}

package cn.luoyang.pollution.enforcement.cases.application;

/**
 * Publishes what a document's outbox holds (a case's, or a reward claim's). {@link #publishSoon} never
 * fails the caller: if the broker is away the events stay in the outbox and the relay's sweep sends
 * them later.
 */
public interface EventRelay {

    void publishSoon(String id);
}

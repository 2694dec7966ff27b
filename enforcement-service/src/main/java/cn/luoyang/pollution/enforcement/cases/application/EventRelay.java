package cn.luoyang.pollution.enforcement.cases.application;

import java.util.Collection;

/**
 * Publishes what a document's outbox holds (a case's, or a reward claim's). {@link #publishSoon} never
 * fails the caller: if the broker is away the events stay in the outbox and the relay's sweep sends
 * them later.
 */
public interface EventRelay {

    void publishSoon(String id);

    /** The outboxes of a batch's documents; a relay that can, publishes them together. */
    default void publishSoon(Collection<String> ids) {
        ids.forEach(this::publishSoon);
    }
}

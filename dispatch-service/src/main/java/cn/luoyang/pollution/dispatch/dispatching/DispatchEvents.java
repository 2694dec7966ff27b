package cn.luoyang.pollution.dispatch.dispatching;

/**
 * Dispatch's outcomes on {@code cases.dispatched}, as the domain sees them: a store writes each event
 * into the outbox of the document whose change it announces, in the same write ({@link Decisions},
 * {@link CaseFiles}, the queue clock's escalations); then the domain asks for that document's outbox
 * to be published now. One per collection (the kit's outbox relay on it, whose sweep sends what a
 * crash or a broker outage left).
 */
@FunctionalInterface
public interface DispatchEvents {

    /** Publishes the events waiting in document {@code id}'s outbox; never fails the caller (they wait for the sweep). */
    void publishSoon(String id);
}

package cn.luoyang.pollution.dispatch.dispatching.persistence;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Dispatch's use of the kit's {@link Outbox}: every event goes to {@code cases.dispatched} and is due
 * at once (the sweep may take what the request's own {@code publishSoon} did not). Shared by the
 * stores of decisions, case files and queue escalations.
 */
public final class DispatchOutbox {

    private final Outbox outbox;

    public DispatchOutbox(EventCodec codec) {
        this.outbox = new Outbox(codec);
    }

    /** The outbox array of a new document announcing {@code event}. */
    public List<Document> documents(Event event) {
        return outbox.documents(List.of(entry(event)));
    }

    /** Adds {@code event} to the outbox in {@code update}; nothing when it is null. */
    public Update push(Update update, Event event) {
        return outbox.push(update, event == null ? List.of() : List.of(entry(event)));
    }

    /** The condition under which announcing {@code event} again adds it: it is not waiting in the outbox already. */
    public static Criteria notWaiting(Event event) {
        return Criteria.where(Outbox.FIELD + ".eventId").ne(event.eventId());
    }

    private static OutboxEntry entry(Event event) {
        return new OutboxEntry(event, Topics.CASES_DISPATCHED, event.occurredAt());
    }
}

package cn.luoyang.pollution.kit.outbox;

import cn.luoyang.pollution.contracts.EventTypes;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The outbox array of an aggregate's document, as its store writes it: a store pushes the new
 * entries ({@link #push}) or puts them in a new document ({@link #documents}) in the same write as
 * the change they announce; {@link OutboxRelay} publishes and removes them. Each entry is
 * {@code {eventId, topic, type, payload, notBefore}}: the event as its wire JSON with its logical
 * type, so the relay republishes exactly the bytes a request would have sent.
 */
public final class Outbox {

    /** The array field of pending entries, in every document that carries events. */
    public static final String FIELD = "outbox";
    /** The indexed key the sweep reads: {@code outbox.notBefore <= now}. */
    public static final String DUE = FIELD + ".notBefore";

    private final EventCodec codec;

    public Outbox(EventCodec codec) {
        this.codec = codec;
    }

    /** Declares the index the relay's sweep and claims are served by, on {@code collection}. */
    public static void createIndex(MongoTemplate mongo, String collection) {
        mongo.indexOps(collection).createIndex(new Index(DUE, Sort.Direction.ASC).named("outbox_due"));
    }

    /** The entries as stored, in order. */
    public List<Document> documents(List<OutboxEntry> entries) {
        return entries.stream().map(this::document).toList();
    }

    /** Adds {@code $push} of the entries onto {@code update} (nothing when there are none). */
    public Update push(Update update, List<OutboxEntry> entries) {
        if (!entries.isEmpty()) {
            update.push(FIELD).each(documents(entries).toArray());
        }
        return update;
    }

    public Document document(OutboxEntry entry) {
        return new Document("eventId", entry.eventId())
                .append("topic", entry.topic())
                .append("type", EventTypes.nameOf(entry.event().getClass()))
                .append("payload", new String(codec.encode(entry.event()), StandardCharsets.UTF_8))
                .append("notBefore", Date.from(entry.notBefore()));
    }

    public OutboxEntry entry(Document stored) {
        return new OutboxEntry(codec.decode(stored.getString("type"), stored.getString("payload").getBytes(StandardCharsets.UTF_8)),
                stored.getString("topic"), stored.getDate("notBefore").toInstant());
    }
}

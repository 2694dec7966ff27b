package cn.luoyang.pollution.notification.sending.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import cn.luoyang.pollution.notification.sending.NumberCaps;
import cn.luoyang.pollution.notification.sending.NumberSlots;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code number_sends}: one document per number (its keyed hash as {@code _id}) listing the sends of
 * the widest cap window ({@code sends: [{m: message id, at}]}) and a {@code version}. A reservation
 * reads it, lets {@link NumberCaps} decide, and writes the list with the new send conditional on the
 * version it read (an insert for a number's first send, refused by the primary key if another
 * instance inserted first); a writer that lost re-reads and decides again. Single-document and
 * lock-free, so it holds on the embedded server and on a replica set, and a paused or killed instance
 * blocks nobody (its reservation just keeps counting, which errs towards fewer messages).
 * A number with no document yet starts from the messages already sent to it ({@code sms_messages}),
 * so the caps hold across the upgrade that introduced this collection.
 */
public class MongoNumberSlots implements NumberSlots {

    static final String COLLECTION = "number_sends";
    private static final int ATTEMPTS = 50;

    private final MongoCollection<Document> collection;
    private final NumberCaps.History before;

    public MongoNumberSlots(MongoTemplate mongo, NumberCaps.History before) {
        this.collection = mongo.getCollection(COLLECTION);
        this.before = before;
    }

    @Override
    public Optional<Instant> reserve(String phoneHash, String messageId, Instant now, NumberCaps caps) {
        Instant since = now.minus(caps.widest());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document doc = collection.find(eq("_id", phoneHash)).first();
            List<Document> sends = new ArrayList<>();
            if (doc == null) {
                before.sentSince(phoneHash, since).forEach(at -> sends.add(send("sent-before", at)));
            } else {
                for (Document s : doc.getList("sends", Document.class, List.of())) {
                    if (messageId.equals(s.getString("m"))) {
                        return Optional.empty(); // reserved by an earlier attempt at this message
                    }
                    if (!s.getDate("at").toInstant().isBefore(since)) {
                        sends.add(s);
                    }
                }
            }
            List<Instant> times = sends.stream().map(s -> s.getDate("at").toInstant()).sorted().toList();
            Optional<Instant> hold = caps.holdUntil(phoneHash, now,
                    (hash, from) -> times.stream().filter(t -> !t.isBefore(from)).toList());
            if (hold.isPresent()) {
                return hold;
            }
            sends.add(send(messageId, now));
            if (doc == null ? inserted(phoneHash, sends) : replaced(phoneHash, doc.getLong("version"), sends)) {
                return Optional.empty();
            }
        }
        // contended beyond reason: look again shortly rather than risk a send past the cap
        return Optional.of(now.plusSeconds(1));
    }

    @Override
    public void release(String phoneHash, String messageId) {
        collection.updateOne(eq("_id", phoneHash),
                Updates.combine(Updates.pull("sends", new Document("m", messageId)), Updates.inc("version", 1L)));
    }

    private boolean inserted(String phoneHash, List<Document> sends) {
        try {
            collection.insertOne(new Document("_id", phoneHash).append("version", 1L).append("sends", sends));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private boolean replaced(String phoneHash, long version, List<Document> sends) {
        return collection.updateOne(and(eq("_id", phoneHash), eq("version", version)),
                Updates.combine(Updates.set("sends", sends), Updates.set("version", version + 1))).getModifiedCount() == 1;
    }

    private static Document send(String messageId, Instant at) {
        return new Document("m", messageId).append("at", Date.from(at));
    }
}

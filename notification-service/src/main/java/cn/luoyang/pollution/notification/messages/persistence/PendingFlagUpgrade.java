package cn.luoyang.pollution.notification.messages.persistence;

import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade from the stores' former outbox flags (升级迁移): before the kit's outbox, a document whose
 * event still waited carried {@code eventPending: true} (or {@code feedbackPending: true}) and a relay
 * built the event from the document when it published it. The version that dropped the flags publishes
 * nothing for them, so each store runs this at start: every document still flagged gets the event that
 * relay would have built, as an outbox entry (same derived event id, so a consumer that already saw it
 * recognises it), and loses the flag, in <b>one update conditional on the flag</b>: of N instances
 * starting at once, one moves each document and the others match nothing. Then the flag's index goes.
 * It runs at every start, not once: during a rolling upgrade the former version's instances keep
 * flagging (and publishing) until they stop, and whatever one left flagged is moved by the next start
 * of this version. The price is one query per collection per start on a field no index serves any
 * more (a collection scan; a later version can drop this once every installation has run it).
 */
public final class PendingFlagUpgrade {

    private static final Logger log = LoggerFactory.getLogger(PendingFlagUpgrade.class);
    /** Fields the former relays' claims and grace period kept next to the flag. */
    private static final List<String> FORMER_CLAIM_FIELDS = List.of("eventClaimUntil", "savedAt");

    private PendingFlagUpgrade() {
    }

    /**
     * Moves every document flagged {@code flag} onto the outbox; returns how many this call moved.
     *
     * @param eventsOf the entries the former relay would have published for the document as it is now
     *                 (none: the flag is only cleared)
     */
    public static int run(MongoCollection<Document> collection, String flag, Outbox outbox,
            Function<Document, List<OutboxEntry>> eventsOf) {
        int moved = 0;
        for (Document flagged : collection.find(new Document(flag, true)).into(new ArrayList<>())) {
            Document unset = new Document(flag, "");
            FORMER_CLAIM_FIELDS.forEach(field -> unset.append(field, ""));
            Document update = new Document("$unset", unset);
            List<OutboxEntry> entries = eventsOf.apply(flagged);
            if (!entries.isEmpty()) {
                update.append("$push", new Document(Outbox.FIELD, new Document("$each", outbox.documents(entries))));
            }
            moved += (int) collection.updateOne(new Document("_id", flagged.get("_id")).append(flag, true), update)
                    .getModifiedCount();
        }
        if (moved > 0) {
            log.info("{}: {} document(s) flagged {} moved onto the outbox", collection.getNamespace().getCollectionName(),
                    moved, flag);
        }
        dropIndexIfPresent(collection, flag + "_1");
        return moved;
    }

    /** Another instance may drop it between the listing and the drop: that answer is as good as ours. */
    private static void dropIndexIfPresent(MongoCollection<Document> collection, String name) {
        boolean present = collection.listIndexes().into(new ArrayList<>()).stream()
                .anyMatch(index -> name.equals(index.getString("name")));
        if (!present) {
            return;
        }
        try {
            collection.dropIndex(name);
        } catch (MongoCommandException e) {
            log.debug("index {} already gone: {}", name, e.getErrorMessage());
        }
    }
}

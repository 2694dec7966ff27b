package cn.luoyang.pollution.complaint.intake.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import cn.luoyang.pollution.complaint.intake.TrackingNumberPermutation;
import cn.luoyang.pollution.complaint.intake.TrackingNumbers;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Per-day counters in {@code tracking_counters}, taken in blocks with one atomic {@code $inc}:
 * each replica owns the numbers of its block, so numbers stay unique across replicas and
 * restarts without a round trip per complaint. A restart forfeits the rest of a block (gaps).
 * The counter's value is passed through the {@link TrackingNumberPermutation} whose key lives in the
 * same collection ({@code _id: "permutation-key"}), created once by whichever replica comes first:
 * every replica permutes with the one key, so the numbers stay distinct. Whoever can read this
 * database can undo the permutation, but could read the complaints themselves anyway.
 */
public class MongoTrackingNumbers implements TrackingNumbers {

    static final String COLLECTION = "tracking_counters";
    static final String KEY_ID = "permutation-key";

    private final MongoTemplate mongo;
    private final int blockSize;
    private TrackingNumberPermutation permutation;
    private LocalDate day;
    private long nextInBlock;
    private long endOfBlock;

    public MongoTrackingNumbers(MongoTemplate mongo, int blockSize) {
        this.mongo = mongo;
        this.blockSize = blockSize;
    }

    @Override
    public synchronized String next(LocalDate today) {
        if (permutation == null) {
            permutation = new TrackingNumberPermutation(sharedKey());
        }
        if (!today.equals(day) || nextInBlock > endOfBlock) {
            Document counter = mongo.findAndModify(query(where("_id").is(TrackingNumbers.dayPrefix(today))),
                    new Update().inc("last", blockSize), FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class, COLLECTION);
            endOfBlock = ((Number) counter.get("last")).longValue();
            nextInBlock = endOfBlock - blockSize + 1;
            day = today;
        }
        return TrackingNumbers.format(today, permutation.apply(today, nextInBlock++));
    }

    private byte[] sharedKey() {
        Document stored = mongo.findById(KEY_ID, Document.class, COLLECTION);
        if (stored == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                mongo.insert(new Document("_id", KEY_ID).append("key", Base64.getEncoder().encodeToString(key)), COLLECTION);
            } catch (DuplicateKeyException anotherReplicaWasFirst) {
                // its key is the one every replica uses
            }
            stored = mongo.findById(KEY_ID, Document.class, COLLECTION);
        }
        return Base64.getDecoder().decode(stored.getString("key"));
    }
}

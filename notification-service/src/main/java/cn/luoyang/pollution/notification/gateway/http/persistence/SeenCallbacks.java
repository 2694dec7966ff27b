package cn.luoyang.pollution.notification.gateway.http.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The provider callbacks already taken, by signature, in MongoDB so that every instance refuses a
 * replay: a signature is taken once; entries expire (TTL index) after they could no longer pass the
 * time window anyway.
 */
public class SeenCallbacks {

    static final String COLLECTION = "callback_signatures";
    private final MongoTemplate mongo;

    public SeenCallbacks(MongoTemplate mongo, Duration keep) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.ASC).expire(keep.toSeconds(), TimeUnit.SECONDS));
    }

    /** True the first time this signature is presented, false on every later presentation. */
    public boolean firstTime(String signature, Instant at) {
        try {
            mongo.insert(new Document("_id", signature).append("at", Date.from(at)), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}

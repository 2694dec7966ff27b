package cn.luoyang.pollution.notification.survey.persistence;

import cn.luoyang.pollution.notification.survey.UnmatchedReplies;
import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code unmatched_replies}: free-text or late replies, by the number's keyed hash. */
public class MongoUnmatchedReplies implements UnmatchedReplies {

    private final MongoCollection<Document> collection;

    public MongoUnmatchedReplies(MongoTemplate mongo) {
        this.collection = mongo.getCollection("unmatched_replies");
    }

    @Override
    public void record(String phoneHash, String text, String why, Instant at) {
        collection.insertOne(new Document("phoneHash", phoneHash).append("text", text).append("why", why)
                .append("receivedAt", Date.from(at)));
    }

    @Override
    public long count() {
        return collection.countDocuments();
    }
}

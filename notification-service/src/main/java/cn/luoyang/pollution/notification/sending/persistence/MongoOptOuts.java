package cn.luoyang.pollution.notification.sending.persistence;

import static com.mongodb.client.model.Filters.eq;

import cn.luoyang.pollution.notification.sending.OptOuts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code opt_outs}: keyed hashes of numbers that replied TD. */
public class MongoOptOuts implements OptOuts {

    private final MongoCollection<Document> collection;

    public MongoOptOuts(MongoTemplate mongo) {
        this.collection = mongo.getCollection("opt_outs");
    }

    @Override
    public boolean optedOut(String phoneHash) {
        return collection.find(eq("_id", phoneHash)).projection(new Document("_id", 1)).first() != null;
    }

    /** One query by {@code _id} for the whole batch. */
    @Override
    public Set<String> optedOutAmong(Collection<String> phoneHashes) {
        Set<String> found = new HashSet<>();
        if (!phoneHashes.isEmpty()) {
            collection.find(new Document("_id", new Document("$in", List.copyOf(phoneHashes))))
                    .projection(new Document("_id", 1)).forEach(d -> found.add(d.getString("_id")));
        }
        return found;
    }

    @Override
    public void optOut(String phoneHash, Instant at) {
        collection.updateOne(eq("_id", phoneHash), Updates.setOnInsert("at", Date.from(at)), new UpdateOptions().upsert(true));
    }
}

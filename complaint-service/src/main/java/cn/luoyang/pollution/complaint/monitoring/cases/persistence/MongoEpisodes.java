package cn.luoyang.pollution.complaint.monitoring.cases.persistence;

import cn.luoyang.pollution.complaint.monitoring.cases.Episode;
import cn.luoyang.pollution.complaint.monitoring.cases.Episodes;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@code monitor_episodes}: {@code {_id: "<MN>|EXCEEDANCE|<factor>" or "<MN>|OFFLINE", mn, kind, openedBy, faults[],
 * openedAt}} ({@code Episode.keyOf}). A claim is an insert (the key was free) or a replacement conditioned on the
 * opener read before, so two deliveries racing for one key open one case; every read and write is by {@code _id}.
 */
public class MongoEpisodes implements Episodes {

    static final String COLLECTION = "monitor_episodes";

    private final MongoTemplate mongo;

    public MongoEpisodes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Episode> of(String key) {
        Document d = mongo.findById(key, Document.class, COLLECTION);
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new Episode(d.getString("_id"), d.getString("mn"), FaultKind.valueOf(d.getString("kind")),
                d.getString("openedBy"), d.getList("faults", String.class), d.getDate("openedAt").toInstant()));
    }

    @Override
    public boolean claim(Episode next, String previousOpener) {
        Document d = new Document("_id", next.key()).append("mn", next.mn()).append("kind", next.kind().name())
                .append("openedBy", next.openedBy()).append("faults", next.faults())
                .append("openedAt", Date.from(next.openedAt()));
        if (previousOpener == null) {
            try {
                mongo.insert(d, COLLECTION);
                return true;
            } catch (DuplicateKeyException raced) {
                return false;
            }
        }
        Query held = Query.query(Criteria.where("_id").is(next.key()).and("openedBy").is(previousOpener));
        return mongo.getCollection(COLLECTION).replaceOne(held.getQueryObject(), d).getModifiedCount() == 1;
    }

    @Override
    public void addFault(String key, String faultEventId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().addToSet("faults", faultEventId), COLLECTION);
    }

    @Override
    public void release(String key, String opener) {
        mongo.remove(Query.query(Criteria.where("_id").is(key).and("openedBy").is(opener)), COLLECTION);
    }
}

package cn.luoyang.pollution.dispatch.registry.persistence;

import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.Sources;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The 台账 in the {@code sources} collection, {@code _id} = source id. */
public class MongoSources implements Sources {

    static final String COLLECTION = "sources";

    private final MongoTemplate mongo;

    public MongoSources(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<PollutionSource> all() {
        return mongo.findAll(PollutionSource.class, COLLECTION);
    }

    @Override
    public Optional<PollutionSource> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, PollutionSource.class, COLLECTION));
    }

    @Override
    public void saveAll(List<PollutionSource> sources) {
        if (sources.size() == 1) {
            mongo.save(sources.get(0), COLLECTION);
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PollutionSource.class, COLLECTION);
        for (PollutionSource source : sources) {
            bulk.replaceOne(Query.query(Criteria.where("_id").is(source.id())), source,
                    org.springframework.data.mongodb.core.FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }

    @Override
    public boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount() > 0;
    }
}

package cn.luoyang.pollution.dispatch.registry.persistence;

import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.Sources;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The 台账 in the {@code sources} collection, {@code _id} = source id, mapped by {@link SourceDocuments}; its version is a counter
 * document in {@code settings} ({@code _id} "sources-version"), raised after each write, so a
 * reader that saw the new version reads the new sources.
 */
public class MongoSources implements Sources {

    static final String COLLECTION = "sources";
    private static final String SETTINGS = "settings";
    private static final Query VERSION = Query.query(Criteria.where("_id").is("sources-version"));

    private final MongoTemplate mongo;

    public MongoSources(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public long version() {
        Document counter = mongo.findOne(VERSION, Document.class, SETTINGS);
        return counter == null ? 0 : counter.get("version", Number.class).longValue();
    }

    private void changed() {
        mongo.upsert(VERSION, new Update().inc("version", 1L), SETTINGS);
    }

    @Override
    public List<PollutionSource> all() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(SourceDocuments::source).toList();
    }

    @Override
    public Optional<PollutionSource> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(SourceDocuments::source);
    }

    @Override
    public void saveAll(List<PollutionSource> sources) {
        if (sources.size() == 1) {
            mongo.save(SourceDocuments.document(sources.get(0)), COLLECTION);
            changed();
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (PollutionSource source : sources) {
            bulk.replaceOne(Query.query(Criteria.where("_id").is(source.id())), SourceDocuments.document(source),
                    org.springframework.data.mongodb.core.FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
        changed();
    }

    @Override
    public boolean delete(String id) {
        boolean deleted = mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount() > 0;
        if (deleted) {
            changed();
        }
        return deleted;
    }
}

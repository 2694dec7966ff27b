package cn.luoyang.pollution.dispatch.rules.persistence;

import cn.luoyang.pollution.dispatch.rules.RuleTable;
import cn.luoyang.pollution.dispatch.rules.RuleTables;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Rule table versions in {@code rule_tables}, {@code _id} = version number, mapped by {@link RuleTableDocuments}: an insert of a taken
 * version fails on the unique {@code _id}, so two concurrent saves cannot both become version n.
 * The latest number is also kept in {@code settings} ({@code _id} "rules-version", raised with
 * {@code $max} after each insert) so that the check before each decision is one read by
 * {@code _id}, not a sort over the versions.
 */
public class MongoRuleTables implements RuleTables {

    static final String COLLECTION = "rule_tables";
    private static final String SETTINGS = "settings";
    private static final Query LATEST = Query.query(Criteria.where("_id").is("rules-version"));

    private final MongoTemplate mongo;

    public MongoRuleTables(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<RuleTable> latest() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                Document.class, COLLECTION)).map(RuleTableDocuments::table);
    }

    @Override
    public int latestVersion() {
        Document counter = mongo.findOne(LATEST, Document.class, SETTINGS);
        if (counter != null) {
            return counter.get("version", Number.class).intValue();
        }
        // versions stored before the counter was kept
        Query newest = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        newest.fields().include("_id");
        Document found = mongo.findOne(newest, Document.class, COLLECTION);
        return found == null ? 0 : found.get("_id", Number.class).intValue();
    }

    @Override
    public Optional<RuleTable> version(int version) {
        return Optional.ofNullable(mongo.findById(version, Document.class, COLLECTION)).map(RuleTableDocuments::table);
    }

    @Override
    public List<Integer> versions() {
        Query all = new Query().with(Sort.by("_id"));
        all.fields().include("_id");
        return mongo.find(all, Document.class, COLLECTION).stream().map(d -> d.get("_id", Number.class).intValue()).toList();
    }

    @Override
    public boolean add(RuleTable table) {
        boolean added;
        try {
            mongo.insert(RuleTableDocuments.document(table), COLLECTION);
            added = true;
        } catch (DuplicateKeyException e) {
            added = false;
        }
        // also after a failed insert: a crash may have left the counter behind a stored version
        mongo.upsert(LATEST, new Update().max("version", table.version()), SETTINGS);
        return added;
    }
}

package cn.luoyang.pollution.dispatch.rules.persistence;

import cn.luoyang.pollution.dispatch.rules.RuleTable;
import cn.luoyang.pollution.dispatch.rules.RuleTables;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Rule table versions in {@code rule_tables}, {@code _id} = version number: an insert of a taken
 * version fails on the unique {@code _id}, so two concurrent saves cannot both become version n.
 */
public class MongoRuleTables implements RuleTables {

    static final String COLLECTION = "rule_tables";

    private final MongoTemplate mongo;

    public MongoRuleTables(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<RuleTable> latest() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                StoredTable.class, COLLECTION)).map(StoredTable::table);
    }

    @Override
    public int latestVersion() {
        Query newest = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        newest.fields().include("_id");
        Document found = mongo.findOne(newest, Document.class, COLLECTION);
        return found == null ? 0 : found.get("_id", Number.class).intValue();
    }

    @Override
    public Optional<RuleTable> version(int version) {
        return Optional.ofNullable(mongo.findById(version, StoredTable.class, COLLECTION)).map(StoredTable::table);
    }

    @Override
    public List<Integer> versions() {
        return mongo.find(new Query().with(Sort.by("_id")), StoredTable.class, COLLECTION).stream().map(StoredTable::id).toList();
    }

    @Override
    public boolean add(RuleTable table) {
        try {
            mongo.insert(new StoredTable(table.version(), table), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    record StoredTable(Integer id, RuleTable table) {
    }
}

package cn.luoyang.pollution.dispatch.grids.persistence;

import cn.luoyang.pollution.dispatch.grids.Roster;
import cn.luoyang.pollution.dispatch.grids.Rosters;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Roster versions in {@code grid_rosters}, {@code _id} = version number, mapped by {@link RosterDocuments}, each one document (about
 * 3,400 grids × a few people stay far below MongoDB's 16 MB): an import lands whole or not at all,
 * and an insert of a taken version fails on the unique {@code _id}. The latest number is kept in
 * {@code settings} ({@code _id} "roster-version", raised with {@code $max}), as for the rule table.
 */
public class MongoRosters implements Rosters {

    static final String COLLECTION = "grid_rosters";
    private static final String SETTINGS = "settings";
    private static final Query LATEST = Query.query(Criteria.where("_id").is("roster-version"));

    private final MongoTemplate mongo;

    public MongoRosters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public int latestVersion() {
        Document counter = mongo.findOne(LATEST, Document.class, SETTINGS);
        return counter == null ? 0 : counter.get("version", Number.class).intValue();
    }

    @Override
    public Optional<Roster> version(int version) {
        return Optional.ofNullable(mongo.findById(version, Document.class, COLLECTION)).map(RosterDocuments::roster);
    }

    @Override
    public boolean add(Roster roster) {
        boolean added;
        try {
            mongo.insert(RosterDocuments.document(roster), COLLECTION);
            added = true;
        } catch (DuplicateKeyException e) {
            added = false;
        }
        // also after a failed insert: a crash may have left the counter behind a stored version
        mongo.upsert(LATEST, new Update().max("version", roster.version()), SETTINGS);
        return added;
    }
}

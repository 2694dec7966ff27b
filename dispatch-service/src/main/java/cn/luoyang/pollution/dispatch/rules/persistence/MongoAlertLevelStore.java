package cn.luoyang.pollution.dispatch.rules.persistence;

import cn.luoyang.pollution.dispatch.rules.AlertLevelStore;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The alert level in force, one document in {@code settings} ({@code {_id: "alert-level", setting}}, see {@link RuleTableDocuments}). */
public class MongoAlertLevelStore implements AlertLevelStore {

    static final String COLLECTION = "settings";
    private static final String ID = "alert-level";

    private final MongoTemplate mongo;

    public MongoAlertLevelStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<AlertSetting> load() {
        return Optional.ofNullable(mongo.findById(ID, Document.class, COLLECTION)).map(RuleTableDocuments::setting);
    }

    @Override
    public void save(AlertSetting setting) {
        mongo.save(RuleTableDocuments.setting(ID, setting), COLLECTION);
    }
}

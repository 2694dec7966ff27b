package cn.luoyang.pollution.dispatch.rules.persistence;

import cn.luoyang.pollution.dispatch.rules.AlertLevelStore;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The alert level in force, one document in {@code settings}. */
public class MongoAlertLevelStore implements AlertLevelStore {

    static final String COLLECTION = "settings";
    private static final String ID = "alert-level";

    private final MongoTemplate mongo;

    public MongoAlertLevelStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<AlertSetting> load() {
        return Optional.ofNullable(mongo.findById(ID, Stored.class, COLLECTION)).map(Stored::setting);
    }

    @Override
    public void save(AlertSetting setting) {
        mongo.save(new Stored(ID, setting), COLLECTION);
    }

    record Stored(String id, AlertSetting setting) {
    }
}

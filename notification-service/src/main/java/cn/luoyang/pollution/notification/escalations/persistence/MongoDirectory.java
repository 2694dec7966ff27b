package cn.luoyang.pollution.notification.escalations.persistence;

import cn.luoyang.pollution.notification.escalations.Directory;
import cn.luoyang.pollution.notification.escalations.Person;
import cn.luoyang.pollution.notification.escalations.Role;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The directory in the {@code escalationDirectory} collection; numbers only sealed and masked. */
public final class MongoDirectory implements Directory {

    static final String COLLECTION = "escalationDirectory";

    private final MongoTemplate mongo;

    public MongoDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("role", Sort.Direction.ASC).on("unit", Sort.Direction.ASC));
    }

    @Override
    public void save(Person p) {
        Document d = new Document("_id", p.id()).append("unit", p.unit()).append("role", p.role().name())
                .append("name", p.name()).append("sealedMobile", p.sealedMobile()).append("maskedMobile", p.maskedMobile())
                .append("updatedBy", p.updatedBy()).append("updatedAt", Date.from(p.updatedAt()));
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", p.id()), d,
                new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean remove(String id) {
        return mongo.getCollection(COLLECTION).deleteOne(new Document("_id", id)).getDeletedCount() > 0;
    }

    @Override
    public Optional<Person> byId(String id) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION).find(new Document("_id", id)).first()).map(MongoDirectory::person);
    }

    @Override
    public List<Person> all() {
        return mongo.find(new Query().with(Sort.by("unit", "role", "name")), Document.class, COLLECTION).stream()
                .map(MongoDirectory::person).toList();
    }

    @Override
    public List<Person> holding(Role role, String unit) {
        Criteria c = Criteria.where("role").is(role.name());
        if (role.perUnit()) {
            c = c.and("unit").is(unit);
        }
        return mongo.find(new Query(c), Document.class, COLLECTION).stream().map(MongoDirectory::person).toList();
    }

    private static Person person(Document d) {
        Date at = d.getDate("updatedAt");
        return new Person(d.getString("_id"), d.getString("unit"), Role.valueOf(d.getString("role")), d.getString("name"),
                d.getString("sealedMobile"), d.getString("maskedMobile"), d.getString("updatedBy"),
                at == null ? Instant.EPOCH : at.toInstant());
    }
}

package cn.luoyang.pollution.dispatch.dispatching.persistence;

import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Case files in the {@code cases} collection, {@code _id} = case id; one document per case, so each write is atomic. */
public class MongoCaseFiles implements CaseFiles {

    static final String COLLECTION = "cases";

    private final MongoTemplate mongo;

    public MongoCaseFiles(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC));
    }

    @Override
    public Optional<CaseFile> byId(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFile.class, COLLECTION));
    }

    @Override
    public void save(CaseFile file) {
        mongo.save(file, COLLECTION);
    }

    @Override
    public List<CaseFile> withStatus(CaseStatus status) {
        return mongo.find(Query.query(Criteria.where("status").is(status.name())).with(Sort.by("id")), CaseFile.class, COLLECTION);
    }
}

package cn.luoyang.pollution.enforcement.cases.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import cn.luoyang.pollution.enforcement.cases.EvidenceFile;
import cn.luoyang.pollution.enforcement.cases.FileKind;
import cn.luoyang.pollution.enforcement.cases.application.EvidenceFiles;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Evidence files in the collection {@code case_evidence}, one document per file holding its bytes
 * (the upload cap keeps each far below MongoDB's 16 MB document limit, so no GridFS is needed), keyed
 * by the upload id, indexed by case. A file is written once and never changed.
 */
public class MongoEvidenceFiles implements EvidenceFiles {

    static final String COLLECTION = "case_evidence";
    /** Below the 16 MB document limit with room for the file's fields. */
    static final long DOCUMENT_LIMIT = 15L * 1024 * 1024;

    private final MongoTemplate mongo;
    private final long maxBytes;

    public MongoEvidenceFiles(MongoTemplate mongo, long maxBytes) {
        if (maxBytes <= 0 || maxBytes > DOCUMENT_LIMIT) {
            throw new IllegalArgumentException("console.max-upload-bytes must be between 1 and " + DOCUMENT_LIMIT);
        }
        this.mongo = mongo;
        this.maxBytes = maxBytes;
        mongo.indexOps(COLLECTION).createIndex(new Index("caseId", Sort.Direction.ASC).on("uploadedAt", Sort.Direction.ASC));
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public void save(EvidenceFile f, byte[] content) {
        mongo.getCollection(COLLECTION).insertOne(new Document("_id", f.uploadId())
                .append("caseId", f.caseId())
                .append("name", f.name())
                .append("kind", f.kind().name())
                .append("size", f.size())
                .append("sha256", f.sha256())
                .append("uploadedBy", f.uploadedBy())
                .append("uploadedAt", Date.from(f.uploadedAt()))
                .append("content", new Binary(content)));
    }

    @Override
    public Optional<EvidenceFile> find(String caseId, String uploadId) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION)
                .find(new Document("_id", uploadId).append("caseId", caseId)).projection(new Document("content", 0)).first())
                .map(MongoEvidenceFiles::file);
    }

    @Override
    public Optional<EvidenceFile> byId(String uploadId) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION)
                .find(new Document("_id", uploadId)).projection(new Document("content", 0)).first()).map(MongoEvidenceFiles::file);
    }

    @Override
    public List<EvidenceFile> of(String caseId) {
        return mongo.getCollection(COLLECTION).find(new Document("caseId", caseId)).projection(new Document("content", 0))
                .sort(new Document("uploadedAt", 1)).map(MongoEvidenceFiles::file).into(new java.util.ArrayList<>());
    }

    @Override
    public Optional<byte[]> content(String uploadId) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION).find(new Document("_id", uploadId)).first())
                .map(d -> d.get("content", Binary.class).getData());
    }

    @Override
    public void discard(String uploadId) {
        mongo.remove(query(where("_id").is(uploadId)), COLLECTION);
    }

    private static EvidenceFile file(Document d) {
        return new EvidenceFile(d.getString("_id"), d.getString("caseId"), d.getString("name"), FileKind.valueOf(d.getString("kind")),
                ((Number) d.get("size")).longValue(), d.getString("sha256"), d.getString("uploadedBy"),
                d.getDate("uploadedAt").toInstant());
    }
}

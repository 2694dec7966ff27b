package cn.luoyang.pollution.notification.reporters.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import cn.luoyang.pollution.notification.reporters.CaseFile;
import cn.luoyang.pollution.notification.reporters.CaseFiles;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code case_files}: one document per case with its member complaints; every write is an upsert. */
public class MongoCaseFiles implements CaseFiles {

    private final MongoCollection<Document> collection;

    public MongoCaseFiles(MongoTemplate mongo) {
        this.collection = mongo.getCollection("case_files");
    }

    @Override
    public void dispatched(String caseId, String leadDepartment, boolean urgent, CaseFile.Member member) {
        collection.updateOne(eq("_id", caseId), Updates.combine(
                Updates.set("leadDepartment", leadDepartment), Updates.set("urgent", urgent)),
                new UpdateOptions().upsert(true));
        addMember(caseId, member);
    }

    @Override
    public void merged(String caseId, CaseFile.Member member) {
        collection.updateOne(eq("_id", caseId), Updates.setOnInsert("urgent", false), new UpdateOptions().upsert(true));
        addMember(caseId, member);
    }

    private void addMember(String caseId, CaseFile.Member member) {
        Document entry = new Document("complaintId", member.complaintId()).append("trackingNumber", member.trackingNumber());
        collection.updateOne(and(eq("_id", caseId), ne("members.complaintId", member.complaintId())),
                Updates.push("members", entry));
    }

    @Override
    public Optional<CaseFile> of(String caseId) {
        Document d = collection.find(eq("_id", caseId)).first();
        if (d == null) {
            return Optional.empty();
        }
        List<CaseFile.Member> members = new ArrayList<>();
        for (Document m : d.getList("members", Document.class, List.of())) {
            members.add(new CaseFile.Member(m.getString("complaintId"), m.getString("trackingNumber")));
        }
        return Optional.of(new CaseFile(caseId, d.getString("leadDepartment"), d.getBoolean("urgent", false), members));
    }
}

package cn.luoyang.pollution.notification.reporters.persistence;

import static com.mongodb.client.model.Filters.eq;

import cn.luoyang.pollution.notification.reporters.CaseFile;
import cn.luoyang.pollution.notification.reporters.CaseFiles;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code case_files}: one document per case with its member complaints; every write is an upsert. */
public class MongoCaseFiles implements CaseFiles {

    private final MongoCollection<Document> collection;

    public MongoCaseFiles(MongoTemplate mongo) {
        this.collection = mongo.getCollection("case_files");
    }

    /**
     * One upsert in the usual case (a new case, or a member not yet listed): sets the lead and pushes
     * the member in the same write. When the member is listed already (redelivery, a later routing
     * round) the filter misses, the upsert collides with the existing {@code _id}, and only the lead
     * unit is updated.
     */
    @Override
    public void dispatched(String caseId, String leadDepartment, String leadTerritory, boolean urgent,
            CaseFile.Member member) {
        Bson lead = Updates.combine(Updates.set("leadDepartment", leadDepartment),
                Updates.set("leadTerritory", leadTerritory), Updates.set("urgent", urgent));
        if (!addMember(caseId, member, lead)) {
            collection.updateOne(eq("_id", caseId), lead);
        }
    }

    @Override
    public void merged(String caseId, CaseFile.Member member) {
        addMember(caseId, member, Updates.setOnInsert("urgent", false));
    }

    /** Pushes the member unless listed, creating the file if needed; false when it was listed already. */
    private boolean addMember(String caseId, CaseFile.Member member, Bson alongside) {
        Document entry = new Document("complaintId", member.complaintId()).append("trackingNumber", member.trackingNumber());
        // flat filter: _id at top level (the driver's and() would render a $and the server scans for)
        Document notListed = new Document("_id", caseId)
                .append("members.complaintId", new Document("$ne", member.complaintId()));
        try {
            collection.updateOne(notListed, Updates.combine(alongside, Updates.push("members", entry)),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
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
        return Optional.of(new CaseFile(caseId, d.getString("leadDepartment"), d.getString("leadTerritory"), d.getBoolean("urgent", false), members));
    }
}

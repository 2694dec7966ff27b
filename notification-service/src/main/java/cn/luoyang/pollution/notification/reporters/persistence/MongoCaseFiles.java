package cn.luoyang.pollution.notification.reporters.persistence;

import static com.mongodb.client.model.Filters.eq;

import cn.luoyang.pollution.notification.reporters.CaseFile;
import cn.luoyang.pollution.notification.reporters.CaseFiles;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * One ordered bulk write for the batch, two updates per change so that none can collide: an upsert by
     * {@code _id} alone (the lead of a routing round, or nothing but {@code urgent} on insert for a merge), then
     * the member pushed unless listed. Ordered, so the changes of one case apply in the batch's order.
     */
    @Override
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Change change : changes) {
            Bson file = change.lead() == null ? Updates.setOnInsert("urgent", false)
                    : Updates.combine(Updates.set("leadDepartment", change.lead().department()),
                            Updates.set("leadTerritory", change.lead().territory()), Updates.set("urgent", change.lead().urgent()));
            writes.add(new UpdateOneModel<>(eq("_id", change.caseId()), file, new UpdateOptions().upsert(true)));
            CaseFile.Member member = change.member();
            writes.add(new UpdateOneModel<>(new Document("_id", change.caseId())
                    .append("members.complaintId", new Document("$ne", member.complaintId())),
                    Updates.push("members", new Document("complaintId", member.complaintId())
                            .append("trackingNumber", member.trackingNumber()))));
        }
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }

    /** One query by {@code _id} for the whole batch. */
    @Override
    public Map<String, CaseFile> ofAll(Collection<String> caseIds) {
        Map<String, CaseFile> found = new HashMap<>();
        if (!caseIds.isEmpty()) {
            collection.find(new Document("_id", new Document("$in", List.copyOf(caseIds))))
                    .forEach(d -> found.put(d.getString("_id"), fromDocument(d)));
        }
        return found;
    }

    @Override
    public Optional<CaseFile> of(String caseId) {
        Document d = collection.find(eq("_id", caseId)).first();
        return d == null ? Optional.empty() : Optional.of(fromDocument(d));
    }

    private static CaseFile fromDocument(Document d) {
        String caseId = d.getString("_id");
        List<CaseFile.Member> members = new ArrayList<>();
        for (Document m : d.getList("members", Document.class, List.of())) {
            members.add(new CaseFile.Member(m.getString("complaintId"), m.getString("trackingNumber")));
        }
        return new CaseFile(caseId, d.getString("leadDepartment"), d.getString("leadTerritory"), d.getBoolean("urgent", false), members);
    }
}

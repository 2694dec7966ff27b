package cn.luoyang.pollution.dispatch.duplicates.persistence;

import cn.luoyang.pollution.dispatch.duplicates.MergeCell;
import cn.luoyang.pollution.dispatch.duplicates.MergeCells;
import cn.luoyang.pollution.dispatch.duplicates.OpenCase;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Merge cells in {@code merge_cells}, one document per cell: {@code _id} = category:cell,
 * {@code version}, {@code cases} [{caseId, lon, lat, reportedAt}]. A claim is one ordered bulk
 * write of conditional upserts: an update whose version condition fails on an existing cell turns
 * into an insert of a taken {@code _id}, a duplicate-key error that stops the bulk before the new
 * case is written. One round trip, single-document atomicity only, so the embedded server and a
 * replica set serve alike.
 */
public class MongoMergeCells implements MergeCells {

    static final String COLLECTION = "merge_cells";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> cells;

    public MongoMergeCells(MongoTemplate mongo) {
        this.cells = mongo.getCollection(COLLECTION);
    }

    @Override
    public Map<MergeCell, State> read(Collection<MergeCell> wanted) {
        Map<String, MergeCell> byKey = new HashMap<>();
        wanted.forEach(c -> byKey.put(c.key(), c));
        Map<MergeCell, State> states = new HashMap<>();
        for (Document doc : cells.find(Filters.in("_id", byKey.keySet()))) {
            MergeCell cell = byKey.get(doc.getString("_id"));
            List<OpenCase> open = new ArrayList<>();
            for (Document c : doc.getList("cases", Document.class, List.of())) {
                open.add(new OpenCase(c.getString("caseId"), cell.category(), new LonLat(c.getDouble("lon"), c.getDouble("lat")),
                        c.getDate("reportedAt").toInstant()));
            }
            states.put(cell, new State(doc.get("version", Number.class).longValue(), open));
        }
        return states;
    }

    @Override
    public boolean claim(Map<MergeCell, Long> seen, MergeCell own, OpenCase opened) {
        List<WriteModel<Document>> writes = new ArrayList<>(seen.size());
        seen.entrySet().stream().filter(e -> !e.getKey().equals(own)).sorted(Comparator.comparing(e -> e.getKey().key()))
                .forEach(e -> writes.add(new UpdateOneModel<>(unchanged(e.getKey(), e.getValue()), Updates.inc("version", 1L), UPSERT)));
        writes.add(new UpdateOneModel<>(unchanged(own, seen.getOrDefault(own, 0L)),
                Updates.combine(Updates.inc("version", 1L), Updates.push("cases", entry(opened))), UPSERT));
        try {
            cells.bulkWrite(writes, new BulkWriteOptions().ordered(true));
            return true;
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void add(MergeCell cell, OpenCase opened) {
        try {
            cells.updateOne(Filters.and(Filters.eq("_id", cell.key()), Filters.ne("cases.caseId", opened.caseId())),
                    Updates.combine(Updates.inc("version", 1L), Updates.push("cases", entry(opened))), UPSERT);
        } catch (MongoWriteException e) {
            // the cell exists and holds the case already: the upsert tried to insert a taken _id
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @Override
    public void remove(MergeCell cell, String caseId) {
        cells.updateOne(Filters.eq("_id", cell.key()), Updates.pull("cases", new Document("caseId", caseId)));
    }

    private static Bson unchanged(MergeCell cell, long version) {
        return Filters.and(Filters.eq("_id", cell.key()), Filters.eq("version", version));
    }

    private static Document entry(OpenCase opened) {
        return new Document("caseId", opened.caseId()).append("lon", opened.point().longitude())
                .append("lat", opened.point().latitude()).append("reportedAt", Date.from(opened.reportedAt()));
    }
}

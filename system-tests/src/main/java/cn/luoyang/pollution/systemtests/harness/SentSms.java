package cn.luoyang.pollution.systemtests.harness;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What the recording SMS gateway "sent": notification-service's own collection
 * {@code notification.sent_sms}, one document per message handed to the gateway
 * ({@code _id} = gateway message id, {@code complaintId}, {@code milestone}, {@code maskedPhone}).
 * A message handed over twice is two documents, so duplicates show here.
 */
public final class SentSms implements GatewaySms {

    private final MongoClient client;
    private final MongoCollection<Document> collection;

    public SentSms(String mongoUri) {
        this.client = MongoClients.create(mongoUri);
        this.collection = client.getDatabase("notification").getCollection("sent_sms");
    }

    /**
     * This harness is the collection's only reader, so it declares the index it reads by, once, when the
     * runtime has started (on an empty collection, before any store is seeded): with a million stored
     * complaints ({@code -Pload -Dload.stored}) a drain must not scan ~3 million records every second.
     */
    public static void declareIndex(String mongoUri) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            client.getDatabase("notification").getCollection("sent_sms").createIndex(Indexes.ascending("complaintId"));
        }
    }

    /** complaintId → milestone → messages, for these complaints only ({@code complaintId $in}, 500 at a time). */
    @Override
    public Map<String, Map<String, Integer>> countsFor(Collection<String> complaintIds) {
        List<String> ids = new ArrayList<>(complaintIds);
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            collection.find(Filters.in("complaintId", ids.subList(from, Math.min(ids.size(), from + 500))))
                    .projection(Projections.include("complaintId", "milestone")).forEach(d ->
                            counts.computeIfAbsent(d.getString("complaintId"), k -> new HashMap<>())
                                    .merge(d.getString("milestone"), 1, Integer::sum));
        }
        return counts;
    }

    /** Milestones of the messages recorded for one complaint, in no particular order (repeats kept). */
    @Override
    public List<String> milestonesOf(String complaintId) {
        List<String> milestones = new ArrayList<>();
        collection.find(Filters.eq("complaintId", complaintId)).projection(Projections.include("milestone"))
                .forEach(d -> milestones.add(d.getString("milestone")));
        return milestones;
    }

    /** complaintId → milestone → number of messages handed to the gateway. */
    @Override
    public Map<String, Map<String, Integer>> countsByComplaint() {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        collection.find().projection(Projections.include("complaintId", "milestone")).forEach(d ->
                counts.computeIfAbsent(d.getString("complaintId"), k -> new HashMap<>())
                        .merge(d.getString("milestone"), 1, Integer::sum));
        return counts;
    }

    /** complaintId → when the first message for it was handed to the gateway (epoch millis). */
    public Map<String, Long> firstSentAtByComplaint() {
        Map<String, Long> first = new HashMap<>();
        collection.find().projection(Projections.include("complaintId", "sentAt")).forEach(d -> {
            java.util.Date at = d.getDate("sentAt");
            if (at != null) {
                first.merge(d.getString("complaintId"), at.getTime(), Math::min);
            }
        });
        return first;
    }

    public long total() {
        return collection.countDocuments();
    }

    @Override
    public void close() {
        client.close();
    }
}

package cn.luoyang.pollution.systemtests.harness;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * The SMS the carrier's {@link Smsc} received, attributed to a complaint and milestone. The SMPP PDU
 * carries no id of ours, so each received message is matched through the SMSC message id that
 * notification-service stored as the message's {@code gatewayMessageId} in {@code notification.sms_messages}
 * (indexed; looked up with {@code $in}). The same text to the same number received twice is one
 * message handed over twice: the second copy's id is never stored (the service keeps one id per
 * message), so copies are grouped by destination + text and counted under the attribution of the copy
 * that is stored. Load reports carry distinct random numbers, and every milestone text names the
 * report's tracking number, so two different messages never share destination and text.
 */
public final class SmscSms implements GatewaySms {

    private final Smsc smsc;
    private final MongoClient client;
    private final MongoCollection<Document> messages;
    /** SMSC message id → [complaintId, milestone], once notification-service has stored it. */
    private final Map<String, String[]> attributed = new ConcurrentHashMap<>();

    public SmscSms(Smsc smsc, String mongoUri) {
        this.smsc = smsc;
        this.client = MongoClients.create(mongoUri);
        this.messages = client.getDatabase("notification").getCollection("sms_messages");
    }

    /**
     * Counts every copy the SMSC received, crash or no crash: notification-service hands a message over
     * at most once (a hand-over cut by a SIGKILL ends as outcome unknown, see {@link #outcomeUnknown}),
     * so any second copy is a duplicated SMS.
     */
    @Override
    public Map<String, Map<String, Integer>> countsByComplaint() {
        Map<String, List<Smsc.Received>> copies = new LinkedHashMap<>();
        for (Smsc.Received r : smsc.received()) {
            copies.computeIfAbsent(r.destination() + "\n" + r.text(), k -> new ArrayList<>()).add(r);
        }
        attribute(copies.values().stream().flatMap(List::stream).map(Smsc.Received::messageId)
                .filter(id -> !attributed.containsKey(id)).toList());
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (List<Smsc.Received> same : copies.values()) {
            int n = same.size();
            same.stream().map(r -> attributed.get(r.messageId())).filter(a -> a != null).findFirst().ifPresent(a ->
                    counts.computeIfAbsent(a[0], k -> new HashMap<>()).merge(a[1], n, Integer::sum));
        }
        return counts;
    }

    private void attribute(List<String> ids) {
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
            messages.find(Filters.in("gatewayMessageId", batch))
                    .projection(Projections.include("gatewayMessageId", "complaintId", "milestone"))
                    .forEach(d -> attributed.put(d.getString("gatewayMessageId"),
                            new String[] {d.getString("complaintId"), d.getString("milestone")}));
        }
    }

    /**
     * These complaints' messages that notification-service ended with an unknown outcome (a gateway
     * timeout, or a hand-over cut by a crash): the carrier may or may not have them; never resent.
     */
    public Map<String, Set<String>> outcomeUnknown(Collection<String> complaintIds) {
        Map<String, Set<String>> unknown = new HashMap<>();
        List<String> ids = List.copyOf(complaintIds);
        for (int from = 0; from < ids.size(); from += 500) {
            // flat filter, top-level condition on notification's complaintId index
            messages.find(new Document("complaintId", new Document("$in", ids.subList(from, Math.min(ids.size(), from + 500))))
                            .append("state", "FAILED").append("reason", new Document("$regex", "^outcome-unknown")))
                    .projection(Projections.include("complaintId", "milestone"))
                    .forEach(d -> unknown.computeIfAbsent(d.getString("complaintId"), k -> new HashSet<>()).add(d.getString("milestone")));
        }
        return unknown;
    }

    /** Total short messages received (long ones counted once). */
    public int total() {
        return smsc.received().size();
    }

    @Override
    public void close() {
        client.close();
    }
}

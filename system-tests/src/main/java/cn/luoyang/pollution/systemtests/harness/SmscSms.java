package cn.luoyang.pollution.systemtests.harness;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * Counts copies that are not explained by a crash: a copy whose previous copy came on the session
     * of a client process that was then killed (see {@link Smsc#clientKilled()}) and whose id that
     * process never stored is the documented crash window of notification-service (handed over, killed
     * before recording it, sent again when its claim ran out); those are counted by
     * {@link #copiesAfterCrash} instead. A copy of a message the service had recorded as sent is always
     * a duplicate.
     */
    @Override
    public Map<String, Map<String, Integer>> countsByComplaint() {
        return counts(false);
    }

    @Override
    public int copiesAfterCrash(java.util.Collection<String> complaintIds) {
        java.util.Set<String> wanted = new java.util.HashSet<>(complaintIds);
        return counts(true).entrySet().stream().filter(e -> wanted.contains(e.getKey()))
                .flatMap(e -> e.getValue().values().stream()).mapToInt(Integer::intValue).sum();
    }

    private Map<String, Map<String, Integer>> counts(boolean afterCrash) {
        Map<String, List<Smsc.Received>> copies = new LinkedHashMap<>();
        for (Smsc.Received r : smsc.received()) {
            copies.computeIfAbsent(r.destination() + "\n" + r.text(), k -> new ArrayList<>()).add(r);
        }
        attribute(copies.values().stream().flatMap(List::stream).map(Smsc.Received::messageId)
                .filter(id -> !attributed.containsKey(id)).toList());
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (List<Smsc.Received> same : copies.values()) {
            int explained = 0;
            for (int i = 1; i < same.size(); i++) {
                Smsc.Received previous = same.get(i - 1);
                // the crash window exactly: handed over by a process then killed, and never recorded by it
                explained += smsc.killedSession(previous.session()) && !attributed.containsKey(previous.messageId()) ? 1 : 0;
            }
            int n = afterCrash ? explained : same.size() - explained;
            if (n == 0) {
                continue;
            }
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

    /** Total short messages received (long ones counted once). */
    public int total() {
        return smsc.received().size();
    }

    @Override
    public void close() {
        client.close();
    }
}

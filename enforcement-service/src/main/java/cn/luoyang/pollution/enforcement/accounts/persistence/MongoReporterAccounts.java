package cn.luoyang.pollution.enforcement.accounts.persistence;

import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.util.Pair;

/**
 * {@code reporter_accounts}, one document per complaint ({@code _id} = complaint id). The account is
 * written by an upsert conditioned on its not being there yet, and each note by a push conditioned on
 * its id not being there yet, so a redelivered or second copy of either changes nothing (the upsert
 * of a condition that fails on an existing document is refused by the {@code _id}, and that refusal
 * means "kept before"); a batch's upserts go in one unordered bulk write ({@link UpsertsOnce}). A note may come first: its document then waits for the account's fields, and
 * is not read as an account until they arrived. Read by {@code _id}. A reporter given a claim code at filing
 * has its hash in {@code claimCodeHash}, which {@link #of} leaves out of the account (handlers see accounts).
 */
public class MongoReporterAccounts implements ReporterAccounts {

    static final String COLLECTION = "reporter_accounts";
    /** Every account has one (complaint-service gives it at registration); a document holding only notes has not. */
    private static final String ARRIVED = "trackingNumber";

    private final MongoTemplate mongo;

    public MongoReporterAccounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One unordered bulk of upserts ({@link UpsertsOnce}), one per complaint: the first of the batch for each. */
    @Override
    public void recordAll(List<Arrival> arrivals) {
        Map<String, Arrival> first = new LinkedHashMap<>();
        arrivals.forEach(a -> first.putIfAbsent(a.account().complaintId(), a));
        UpsertsOnce.run(mongo, COLLECTION, first.values().stream().map(a -> Pair.of(
                Query.query(Criteria.where("_id").is(a.account().complaintId()).and(ARRIVED).exists(false)),
                fields(a.account(), a.claimCodeHash()))).toList());
    }

    private static Update fields(ReporterAccount a, String claimCodeHash) {
        Update fields = new Update()
                .set("trackingNumber", a.trackingNumber())
                .set("channel", a.channel())
                .set("observedAt", date(a.observedAt()))
                .set("registeredAt", date(a.registeredAt()))
                .set("addressText", a.addressText())
                .set("description", a.description())
                .set("rewardRequested", a.rewardRequested())
                .set("media", a.media().stream()
                        .map(m -> new Document("url", m.url()).append("mediaType", m.mediaType())).toList());
        if (a.monitor() != null) {
            fields.set("monitor", monitor(a.monitor()));
        }
        if (claimCodeHash != null) {
            fields.set("claimCodeHash", claimCodeHash);
        }
        return fields;
    }

    /** One unordered bulk of upserts ({@link UpsertsOnce}), one per note id and complaint, in the batch's order. */
    @Override
    public void addNotes(List<NoteOf> notes) {
        Map<List<String>, NoteOf> once = new LinkedHashMap<>();
        notes.forEach(n -> once.putIfAbsent(List.of(n.complaintId(), n.note().noteId()), n));
        UpsertsOnce.run(mongo, COLLECTION, once.values().stream().map(n -> Pair.of(
                Query.query(Criteria.where("_id").is(n.complaintId()).and("notes.noteId").ne(n.note().noteId())),
                new Update().push("notes", note(n.note())))).toList());
    }

    private static Document note(ReporterAccount.Note n) {
        return new Document("noteId", n.noteId()).append("sourceSystem", n.sourceSystem()).append("text", n.text())
                .append("mediaUrl", n.mediaUrl()).append("writtenAt", date(n.writtenAt())).append("receivedAt", date(n.receivedAt()));
    }

    @Override
    public List<ReporterAccount> of(Collection<String> complaintIds) {
        if (complaintIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(complaintIds)), Document.class, COLLECTION).stream()
                .filter(d -> d.get(ARRIVED) != null)
                .map(MongoReporterAccounts::account)
                .sorted(Comparator.comparing(ReporterAccount::registeredAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Only the documents that carry a claim code's hash, and only that part of them. */
    @Override
    public Map<String, String> claimCodeHashes(Collection<String> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id").in(complaintIds).and("claimCodeHash").exists(true));
        query.fields().include("claimCodeHash");
        Map<String, String> out = new HashMap<>();
        mongo.find(query, Document.class, COLLECTION).forEach(d -> out.put(d.getString("_id"), d.getString("claimCodeHash")));
        return out;
    }

    /** Only the documents that carry a monitor, and only that part of them. */
    @Override
    public Map<String, ReporterAccount.Monitor> monitorsOf(Collection<String> complaintIds) {
        if (complaintIds.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id").in(complaintIds).and("monitor").exists(true));
        query.fields().include("monitor");
        Map<String, ReporterAccount.Monitor> out = new HashMap<>();
        mongo.find(query, Document.class, COLLECTION).forEach(d -> out.put(d.getString("_id"), monitor(d.get("monitor", Document.class))));
        return out;
    }

    private static ReporterAccount account(Document d) {
        List<ReporterAccount.Media> media = d.getList("media", Document.class, List.of()).stream()
                .map(m -> new ReporterAccount.Media(m.getString("url"), m.getString("mediaType"))).toList();
        return new ReporterAccount(d.getString("_id"), d.getString("trackingNumber"), d.getString("channel"),
                instant(d.getDate("observedAt")), instant(d.getDate("registeredAt")), d.getString("addressText"),
                d.getString("description"), media, d.getList("notes", Document.class, List.of()).stream()
                .map(n -> new ReporterAccount.Note(n.getString("noteId"), n.getString("sourceSystem"), n.getString("text"),
                        n.getString("mediaUrl"), instant(n.getDate("writtenAt")), instant(n.getDate("receivedAt"))))
                .sorted(Comparator.comparing(ReporterAccount.Note::receivedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList(), Boolean.TRUE.equals(d.getBoolean("rewardRequested")), monitor(d.get("monitor", Document.class)));
    }

    private static Document monitor(ReporterAccount.Monitor m) {
        return new Document("mn", m.mn()).append("sourceId", m.sourceId()).append("kind", m.kind()).append("rule", m.rule())
                .append("factor", m.factor()).append("limit", m.limit()).append("lastReadingAt", date(m.lastReadingAt()))
                .append("windows", m.windows().stream().map(w -> new Document("start", date(w.start())).append("end", date(w.end()))
                        .append("average", w.average()).append("max", w.max()).append("count", w.count())).toList());
    }

    private static ReporterAccount.Monitor monitor(Document m) {
        if (m == null) {
            return null;
        }
        return new ReporterAccount.Monitor(m.getString("mn"), m.getString("sourceId"), m.getString("kind"), m.getString("rule"),
                m.getString("factor"), m.get("limit", Number.class) == null ? null : m.get("limit", Number.class).doubleValue(),
                m.getList("windows", Document.class, List.of()).stream().map(w -> new ReporterAccount.Reading(
                        instant(w.getDate("start")), instant(w.getDate("end")), number(w, "average"), number(w, "max"),
                        (long) number(w, "count"))).toList(), instant(m.getDate("lastReadingAt")));
    }

    private static double number(Document d, String key) {
        Number n = d.get(key, Number.class);
        return n == null ? 0 : n.doubleValue();
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date at) {
        return at == null ? null : at.toInstant();
    }
}

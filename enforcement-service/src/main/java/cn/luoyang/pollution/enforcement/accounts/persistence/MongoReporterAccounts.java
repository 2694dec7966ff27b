package cn.luoyang.pollution.enforcement.accounts.persistence;

import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@code reporter_accounts}, one document per complaint ({@code _id} = complaint id). Written by an
 * upsert that only sets fields on insert, so a redelivered or second copy of the event changes
 * nothing; read by {@code _id}.
 */
public class MongoReporterAccounts implements ReporterAccounts {

    static final String COLLECTION = "reporter_accounts";

    private final MongoTemplate mongo;

    public MongoReporterAccounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void record(ReporterAccount a) {
        Update once = new Update()
                .setOnInsert("trackingNumber", a.trackingNumber())
                .setOnInsert("channel", a.channel())
                .setOnInsert("observedAt", date(a.observedAt()))
                .setOnInsert("registeredAt", date(a.registeredAt()))
                .setOnInsert("addressText", a.addressText())
                .setOnInsert("description", a.description())
                .setOnInsert("media", a.media().stream()
                        .map(m -> new Document("url", m.url()).append("mediaType", m.mediaType())).toList());
        mongo.upsert(Query.query(Criteria.where("_id").is(a.complaintId())), once, COLLECTION);
    }

    @Override
    public List<ReporterAccount> of(Collection<String> complaintIds) {
        if (complaintIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(complaintIds)), Document.class, COLLECTION).stream()
                .map(MongoReporterAccounts::account)
                .sorted(Comparator.comparing(ReporterAccount::registeredAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static ReporterAccount account(Document d) {
        List<ReporterAccount.Media> media = d.getList("media", Document.class, List.of()).stream()
                .map(m -> new ReporterAccount.Media(m.getString("url"), m.getString("mediaType"))).toList();
        return new ReporterAccount(d.getString("_id"), d.getString("trackingNumber"), d.getString("channel"),
                instant(d.getDate("observedAt")), instant(d.getDate("registeredAt")), d.getString("addressText"),
                d.getString("description"), media);
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date at) {
        return at == null ? null : at.toInstant();
    }
}

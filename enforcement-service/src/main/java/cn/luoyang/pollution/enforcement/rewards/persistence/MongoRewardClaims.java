package cn.luoyang.pollution.enforcement.rewards.persistence;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.enforcement.rewards.ClaimDecided;
import cn.luoyang.pollution.enforcement.rewards.ClaimState;
import cn.luoyang.pollution.enforcement.rewards.RewardClaim;
import cn.luoyang.pollution.enforcement.rewards.RewardClaims;
import cn.luoyang.pollution.enforcement.rewards.RewardRule;
import cn.luoyang.pollution.enforcement.rewards.Severity;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@code reward_claims}, one document per complaint ({@code _id} = complaint id): the insert of a second
 * claim for a complaint is refused by the primary key, and that refusal means "opened before". Decisions
 * are written conditional on the version read, in the same update as their events, which wait in the
 * document's {@link Outbox} for the kit's {@code OutboxRelay} on this collection (to {@code cases.lifecycle}).
 * Listed by state, indexed {@code (state, openedAt)}; found by tracking number, indexed. The last wrong
 * claim codes given are kept as times ({@code wrongCodesAt}, the last {@value #WRONG_CODES_KEPT}).
 */
public class MongoRewardClaims implements RewardClaims {

    public static final String COLLECTION = "reward_claims";
    static final int WRONG_CODES_KEPT = 20;
    private static final String WRONG_CODES = "wrongCodesAt";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public MongoRewardClaims(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.outbox = new Outbox(codec);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC).on("openedAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index("trackingNumber", Sort.Direction.ASC));
    }

    @Override
    public RewardClaim openOnce(RewardClaim claim) {
        try {
            mongo.insert(document(claim), COLLECTION);
            return claim;
        } catch (DuplicateKeyException openedBefore) {
            return find(claim.claimId()).orElseThrow();
        }
    }

    @Override
    public Optional<RewardClaim> find(String claimId) {
        return Optional.ofNullable(mongo.findById(claimId, Document.class, COLLECTION)).map(MongoRewardClaims::claim);
    }

    @Override
    public List<RewardClaim> list(ClaimState state) {
        Query q = state == null ? new Query() : Query.query(Criteria.where("state").is(state.name()));
        return mongo.find(q.with(Sort.by("openedAt")), Document.class, COLLECTION).stream().map(MongoRewardClaims::claim).toList();
    }

    @Override
    public Optional<RewardClaim> byTrackingNumber(String trackingNumber) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("trackingNumber").is(trackingNumber)),
                Document.class, COLLECTION)).map(MongoRewardClaims::claim);
    }

    @Override
    public int wrongCode(String claimId, Instant at, Instant since) {
        Update update = new Update();
        update.push(WRONG_CODES).slice(-WRONG_CODES_KEPT).each(Date.from(at));
        Query q = Query.query(Criteria.where("_id").is(claimId));
        q.fields().include(WRONG_CODES);
        Document d = mongo.findAndModify(q, update, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return countSince(d, since);
    }

    @Override
    public int wrongCodesSince(String claimId, Instant since) {
        Query q = Query.query(Criteria.where("_id").is(claimId));
        q.fields().include(WRONG_CODES);
        return countSince(mongo.findOne(q, Document.class, COLLECTION), since);
    }

    private static int countSince(Document d, Instant since) {
        if (d == null || d.getList(WRONG_CODES, Date.class) == null) {
            return 0;
        }
        return (int) d.getList(WRONG_CODES, Date.class).stream().filter(t -> !t.toInstant().isBefore(since)).count();
    }

    @Override
    public void save(RewardClaim c, List<? extends Event> announcements) {
        Update update = new Update().set("state", c.state().name()).set("amountYuan", decimal(c.amountYuan()))
                .set("reason", c.reason()).set("decidedBy", c.decidedBy()).set("decidedAt", date(c.decidedAt()))
                .set("paymentReference", c.paymentReference()).set("paidBy", c.paidBy()).set("paidAt", date(c.paidAt()))
                .inc("version", 1);
        outbox.push(update, announcements.stream()
                .map(e -> new OutboxEntry(e, Topics.CASES_LIFECYCLE, e.occurredAt())).toList());
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(c.claimId()).and("version").is(c.version())),
                update, COLLECTION);
        if (result.getModifiedCount() == 0) {
            throw new ClaimDecided("claim " + c.claimId() + " was changed meanwhile; read it again");
        }
    }

    private static Document document(RewardClaim c) {
        RewardRule r = c.rule();
        return new Document("_id", c.claimId()).append("caseId", c.caseId()).append("trackingNumber", c.trackingNumber())
                .append("category", c.category()).append("districtCode", c.districtCode()).append("severity", c.severity().name())
                .append("rule", new Document("category", r.category()).append("minYuan", decimal(r.minYuan()))
                        .append("maxYuan", decimal(r.maxYuan())).append("approver", r.approver()))
                .append("codeHash", c.codeHash()).append("state", c.state().name()).append("openedAt", date(c.openedAt()))
                .append("version", c.version());
    }

    private static RewardClaim claim(Document d) {
        Severity severity = Severity.valueOf(d.getString("severity"));
        Document r = d.get("rule", Document.class);
        RewardRule rule = new RewardRule(r.getString("category"), severity, big(r.get("minYuan")), big(r.get("maxYuan")),
                r.getString("approver"));
        return new RewardClaim(d.getString("_id"), d.getString("caseId"), d.getString("trackingNumber"), d.getString("category"),
                d.getString("districtCode"), severity, rule, d.getString("codeHash"), ClaimState.valueOf(d.getString("state")),
                instant(d.getDate("openedAt")), big(d.get("amountYuan")), d.getString("reason"), d.getString("decidedBy"),
                instant(d.getDate("decidedAt")), d.getString("paymentReference"), d.getString("paidBy"), instant(d.getDate("paidAt")),
                ((Number) d.get("version")).longValue());
    }

    private static Decimal128 decimal(BigDecimal v) {
        return v == null ? null : new Decimal128(v);
    }

    private static BigDecimal big(Object v) {
        return v == null ? null : ((Decimal128) v).bigDecimalValue();
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date at) {
        return at == null ? null : at.toInstant();
    }
}

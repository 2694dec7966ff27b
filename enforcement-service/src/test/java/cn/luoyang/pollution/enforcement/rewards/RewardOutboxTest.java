package cn.luoyang.pollution.enforcement.rewards;

import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.kit.outbox.EventSink;
import cn.luoyang.pollution.kit.outbox.Outbox;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.rewards.RewardClaimDecided;
import cn.luoyang.pollution.enforcement.MongoFixture;
import cn.luoyang.pollution.enforcement.MutableClock;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.enforcement.rewards.application.RewardDesk;
import cn.luoyang.pollution.enforcement.rewards.persistence.MongoRewardClaims;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A reward decision and its {@code reward.claim-decided.v1} are stored in one write, in the claim's
 * outbox, and published by the kit's {@link OutboxRelay} on {@code reward_claims}:
 * a process that stops after storing and before publishing loses nothing, and the next start's sweep
 * publishes the event exactly once.
 */
class RewardOutboxTest {

    private static final Officer OFFICE = new Officer("campaign", "攻坚办", Role.CAMPAIGN_OFFICE, null, null, null);
    private static final RewardRule RULE = new RewardRule("*", Severity.PENALTY, new BigDecimal("200"), new BigDecimal("1000"),
            "CAMPAIGN_OFFICE");

    private final MongoFixture mongo = new MongoFixture();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private final List<Event> published = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aDecisionStoredBeforeACrashIsPublishedOnceByTheNextStartsSweep() {
        MongoTemplate first = mongo.replica();
        MongoRewardClaims claims = new MongoRewardClaims(first, new EventCodec());
        claims.openOnce(claim("cmp-1"));
        // the first process stores the decision and stops before its relay runs
        RewardDesk crashing = desk(claims, id -> { });
        crashing.approve(OFFICE, "cmp-1", new BigDecimal("500"), "按标准");
        assertThat(published).isEmpty();
        assertThat(outbox(first, "cmp-1")).hasSize(1);

        // the next start (another connection, another relay) sweeps the collection
        MongoTemplate next = mongo.replica();
        OutboxRelay relay = relay(next, recording());
        assertThat(relay.sweep()).isEqualTo(1);
        assertThat(relay.sweep()).as("a second sweep finds nothing left").isZero();
        assertThat(published).singleElement().isInstanceOfSatisfying(RewardClaimDecided.class, d -> {
            assertThat(d.claimId()).isEqualTo("cmp-1");
            assertThat(d.decision()).isEqualTo("APPROVED");
            assertThat(d.amountYuan()).isEqualByComparingTo("500");
        });
        assertThat(outbox(next, "cmp-1")).isEmpty();
        assertThat(next.getCollection("reward_claims").find(new Document("_id", "cmp-1")).first()).as("lease given up")
                .doesNotContainKeys("outboxLeaseUntil", "outboxLeaseOwner");
    }

    @Test
    void aDecisionWhoseBrokerIsAwayStaysInTheOutboxUntilTheSweepPublishesItOnce() {
        MongoTemplate template = mongo.replica();
        MongoRewardClaims claims = new MongoRewardClaims(template, new EventCodec());
        claims.openOnce(claim("cmp-2"));
        RewardDesk desk = desk(claims, relay(template, (topic, event) -> {
            throw new IllegalStateException("broker away");
        })::publishSoon);
        desk.approve(OFFICE, "cmp-2", new BigDecimal("300"), null);
        desk.markPaid(OFFICE, "cmp-2", "ICBC-1");
        assertThat(outbox(template, "cmp-2")).hasSize(2);

        OutboxRelay back = relay(template, recording());
        assertThat(back.sweep()).isEqualTo(2);
        assertThat(back.sweep()).isZero();
        assertThat(published).extracting(e -> ((RewardClaimDecided) e).decision()).containsExactly("APPROVED", "PAID");
    }

    @Test
    void aDecisionPublishedAtOnceLeavesNothingForTheSweep() {
        MongoTemplate template = mongo.replica();
        MongoRewardClaims claims = new MongoRewardClaims(template, new EventCodec());
        claims.openOnce(claim("cmp-3"));
        OutboxRelay relay = relay(template, recording());
        desk(claims, relay::publishSoon).refuse(OFFICE, "cmp-3", "举报前已立案查处");
        assertThat(published).singleElement().extracting(e -> ((RewardClaimDecided) e).decision()).isEqualTo("REFUSED");
        assertThat(relay.sweep()).isZero();
        assertThat(published).hasSize(1);
    }

    private RewardDesk desk(MongoRewardClaims claims, cn.luoyang.pollution.enforcement.cases.application.EventRelay relay) {
        return new RewardDesk(null, null, claims, null, null, null, relay, clock);
    }

    private OutboxRelay relay(MongoTemplate template, EventSink publisher) {
        return new OutboxRelay(template, MongoRewardClaims.COLLECTION, new Outbox(new EventCodec()), publisher, clock, Duration.ofSeconds(30));
    }

    private EventSink recording() {
        return (topic, event) -> published.add(event);
    }

    private RewardClaim claim(String complaintId) {
        return RewardClaim.open(complaintId, "CASE-" + complaintId, "LY-" + complaintId, "AIR_CONSTRUCTION_DUST", "410305",
                Severity.PENALTY, RULE, ClaimCodes.hash(complaintId, "12345678"), clock.instant());
    }

    @SuppressWarnings("unchecked")
    private static List<Document> outbox(MongoTemplate template, String claimId) {
        Document d = template.getCollection("reward_claims").find(new Document("_id", claimId)).first();
        List<Document> outbox = (List<Document>) d.get("outbox");
        return outbox == null ? List.of() : outbox;
    }
}

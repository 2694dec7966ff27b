package cn.luoyang.pollution.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.MongoFixture;
import cn.luoyang.pollution.enforcement.MutableClock;
import cn.luoyang.pollution.enforcement.cases.application.CaseIntake;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.cases.persistence.MongoCases;
import cn.luoyang.pollution.enforcement.clocks.scheduling.ClockScheduler;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.enforcement.supervision.ReinspectionSampling;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.EventSink;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.testing.IndexRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every query of the consumers, the outbox relay, the clock scheduler and the inbox, as sent over
 * the wire, has a top-level condition on {@code _id} or on the first key of an index the service
 * declares: the embedded MongoDB serves none of them by scanning all cases.
 */
class HotQueriesUseIndexesTest {

    final MongoFixture mongo = new MongoFixture();
    final IndexRule rule = new IndexRule();
    final MutableClock clock = new MutableClock(CaseMother.T0);

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void intakeRelayClocksAndInboxQueriesAreServedByIndexes() {
        MongoTemplate template = rule.template(mongo.uri(), "enforcement");
        MongoCases cases = new MongoCases(template, new EventCodec());
        EventSink publisher = (topic, event) -> { };
        OutboxRelay relay = new OutboxRelay(template, "cases", new Outbox(new EventCodec()), publisher, clock, Duration.ofSeconds(30));
        CaseService service = new CaseService(cases, CaseMother.RULES, clock, relay::publishSoon,
                new ReinspectionSampling(0, () -> 1, Unit.parse("ECOLOGY_ENVIRONMENT@410300"), Unit.parse("URBAN_MANAGEMENT@410300")));
        CaseIntake intake = new CaseIntake(cases, CaseMother.RULES, clock, service, relay::publishSoon);
        Officer handler = new Officer("cg-jianxi", "张伟", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null);
        rule.clear();

        intake.dispatched(Dispatches.routine("CASE-I1", "URBAN_MANAGEMENT", "410305"));
        intake.dispatched(Dispatches.routine("CASE-I1", "URBAN_MANAGEMENT", "410305")); // redelivery
        intake.merged(Dispatches.merged("CASE-I1", "cmp-co"));
        service.accept(handler, "CASE-I1", null);
        service.requestClosure(handler, "CASE-I1", null, "经核查，问题已处理。", List.of(), CaseMother.record(clock.instant()));
        service.decideClosure(new Officer("cg-jianxi-2", "李娜", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null), "CASE-I1", true, null);
        intake.feedback(new ReporterFeedbackReceived("fb-1", "CASE-I1", "cmp-co", Satisfaction.UNSATISFIED, clock.instant(),
                ReporterFeedbackReceived.VERSION));
        relay.sweep();
        clock.advance(Duration.ofDays(30));
        new ClockScheduler(template, service, clock, Duration.ofSeconds(30)).tick();
        relay.sweep();
        cases.openCases();
        cases.openedBefore(Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(rule.recorded()).as("filters seen on the wire").isGreaterThan(15);
        assertThat(rule.scans(IndexRule.firstKeys(template, "cases"))).isEmpty();
    }

    @Test
    void theRuleCountsAFilterNestedOnlyInAndOrANotInAsAScan() {
        java.util.Set<String> keys = java.util.Set.of("state", "clocks.nextDueAt");
        assertThat(IndexRule.served(org.bson.BsonDocument.parse("{$and: [{_id: 'x'}, {version: 1}]}"), keys)).isFalse();
        assertThat(IndexRule.served(org.bson.BsonDocument.parse("{state: {$nin: ['CLOSED']}}"), keys)).isFalse();
        assertThat(IndexRule.served(org.bson.BsonDocument.parse("{'clocks.nextDueAt': {$lte: 5}, $or: [{a: 1}]}"), keys)).isTrue();
        assertThat(IndexRule.served(org.bson.BsonDocument.parse("{_id: 'x', version: 3}"), keys)).isTrue();
    }
}

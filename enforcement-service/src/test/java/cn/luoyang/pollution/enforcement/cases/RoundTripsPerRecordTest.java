package cn.luoyang.pollution.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.MutableClock;
import cn.luoyang.pollution.enforcement.cases.application.CaseIntake;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.cases.persistence.MongoCases;
import cn.luoyang.pollution.enforcement.supervision.ReinspectionSampling;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.EventSink;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.testing.CountedMongo;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB round trips per consumed record, counted on the wire (a command listener on the driver),
 * so a change that adds a read before a write shows up here. Not a timing: a count.
 */
class RoundTripsPerRecordTest {

    @Test
    void aNewCaseIsOneInsertARedeliveryTwoAndAMergeOrFeedbackOneReadAndOneWrite() {
        CountedMongo mongo = new CountedMongo("enforcement");
        MongoTemplate t = mongo.template();
        MutableClock clock = new MutableClock(CaseMother.T0);
        MongoCases cases = new MongoCases(t, new EventCodec());
        EventSink pub = (topic, event) -> { };
        OutboxRelay relay = new OutboxRelay(t, "cases", new Outbox(new EventCodec()), pub, clock, Duration.ofSeconds(30));
        CaseService service = new CaseService(cases, CaseMother.RULES, clock, relay::publishSoon,
                new ReinspectionSampling(0, () -> 1, Unit.parse("ECOLOGY_ENVIRONMENT@410300"), Unit.parse("URBAN_MANAGEMENT@410300")));
        CaseIntake intake = new CaseIntake(cases, CaseMother.RULES, clock, service, relay::publishSoon);
        int rounds = 20;
        mongo.reset();
        for (int i = 0; i < rounds; i++) intake.dispatched(Dispatches.routine("CASE-P" + i, "URBAN_MANAGEMENT", "410305"));
        assertThat(mongo.commands() / (double) rounds).as("dispatched(new case)").isEqualTo(1.0);
        mongo.reset();
        for (int i = 0; i < rounds; i++) intake.dispatched(Dispatches.routine("CASE-P" + i, "URBAN_MANAGEMENT", "410305"));
        assertThat(mongo.commands() / (double) rounds).as("dispatched(redelivery)").isEqualTo(2.0);
        mongo.reset();
        for (int i = 0; i < rounds; i++) intake.merged(Dispatches.merged("CASE-P" + i, "cmp-co-" + i));
        assertThat(mongo.commands() / (double) rounds).as("merged").isEqualTo(2.0);
        mongo.reset();
        for (int i = 0; i < rounds; i++) intake.feedback(new ReporterFeedbackReceived("fb-" + i, "CASE-P" + i, "cmp-co-" + i, Satisfaction.SATISFIED, clock.instant(), ReporterFeedbackReceived.VERSION));
        assertThat(mongo.commands() / (double) rounds).as("feedback").isEqualTo(2.0);
        mongo.close();
    }
}

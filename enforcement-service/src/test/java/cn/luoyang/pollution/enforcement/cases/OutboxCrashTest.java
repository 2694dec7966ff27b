package cn.luoyang.pollution.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.cases.persistence.OutboxRelay;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.enforcement.supervision.ReinspectionSampling;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The process dies after the case document was written and before the event reached Kafka:
 * the state and the event were stored together, so the relay of the next start publishes the
 * event, once.
 */
@ServiceTest
@TestPropertySource(properties = "enforcement.scheduling.enabled=false")
class OutboxCrashTest {

    @Autowired
    Cases cases;
    @Autowired
    ClockRules rules;
    @Autowired
    Clock clock;
    @Autowired
    OutboxRelay relayAfterRestart;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void crashBetweenSavingAndPublishingLosesNothingAndPublishesOnce() {
        String caseId = "CASE-LY20261127-000100";
        cases.save(Case.open(Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305"), clock.instant(), rules));
        CaseService crashingBeforePublish = new CaseService(cases, rules, clock, id -> {
            throw new IllegalStateException("process killed before publishing");
        }, new ReinspectionSampling(0, () -> 1, Unit.parse("ECOLOGY_ENVIRONMENT@410300"), Unit.parse("URBAN_MANAGEMENT@410300")));
        Officer handler = new Officer("cg-jianxi", "张伟", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null);

        try {
            crashingBeforePublish.accept(handler, caseId, "签收");
        } catch (IllegalStateException crashed) {
            // the "process" died here
        }

        assertThat(cases.find(caseId).orElseThrow().state()).isEqualTo(CaseState.ACCEPTED);
        Document stored = mongo.findById(caseId, Document.class, "cases");
        assertThat(stored.getList("outbox", Document.class)).extracting(d -> d.getString("type")).containsExactly("case.accepted.v1");

        assertThat(relayAfterRestart.sweep()).isEqualTo(1);
        assertThat(relayAfterRestart.sweep()).as("a second sweep finds nothing left").isZero();

        try (TopicProbe lifecycle = new TopicProbe(brokers, Topics.CASES_LIFECYCLE)) {
            List<ConsumerRecord<String, byte[]>> records = lifecycle.await(2, Duration.ofSeconds(5));
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo(caseId);
            assertThat(TopicProbe.header(records.get(0), CloudEventHeaders.TYPE)).isEqualTo("case.accepted.v1");
        }
        assertThat(mongo.findById(caseId, Document.class, "cases").getList("outbox", Document.class)).isEmpty();
    }
}

package cn.luoyang.pollution.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The whole service over a real KRaft broker and the embedded MongoDB. */
@ServiceTest
class DispatchOverKafkaTest {

    @Autowired
    EventPublisher publisher;
    @Autowired
    EventCodec codec;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final World fixtures = new World();

    @Test
    void registeredComplaintIsDispatchedOnceEvenWhenRedeliveredAndAReturnReroutesIt() {
        ComplaintRegistered complaint = fixtures.registered("k1", "AIR_OPEN_BURNING", Luoyang.JIANXI, null, World.MORNING);

        publisher.publish(Topics.COMPLAINTS_REGISTERED, complaint);
        publisher.publish(Topics.COMPLAINTS_REGISTERED, complaint);

        try (TopicProbe dispatched = new TopicProbe(brokers, Topics.CASES_DISPATCHED)) {
            List<ConsumerRecord<String, byte[]>> records = dispatched.await(2, Duration.ofSeconds(60));
            assertThat(records).hasSize(2);
            ConsumerRecord<String, byte[]> first = records.get(0);
            assertThat(first.key()).isEqualTo("CASE-LY20261128-k1");
            assertThat(TopicProbe.header(first, CloudEventHeaders.TYPE)).isEqualTo("case.dispatched.v1");
            assertThat(TopicProbe.header(records.get(1), CloudEventHeaders.ID)).isEqualTo(TopicProbe.header(first, CloudEventHeaders.ID));
            CaseDispatched event = (CaseDispatched) codec.decode("case.dispatched.v1", first.value());
            assertThat(event.leadDepartment()).isEqualTo("URBAN_MANAGEMENT");
            assertThat(event.territory().districtCode()).isEqualTo("410305");
            assertThat(event.trace()).isNotEmpty();
            assertThat(mongo.count(new Query(), "cases")).isEqualTo(1);
            assertThat(mongo.count(new Query(), "decisions")).isEqualTo(1);

            publisher.publish(Topics.CASES_LIFECYCLE, new CaseReturned("ret-1", "CASE-LY20261128-k1", "URBAN_MANAGEMENT",
                    "NOT_OUR_DUTY", "不属于本单位职责", 1, null, World.MORNING, 1));

            List<ConsumerRecord<String, byte[]>> all = dispatched.await(3, Duration.ofSeconds(60));
            CaseDispatched rerouted = (CaseDispatched) codec.decode("case.dispatched.v1", all.get(2).value());
            assertThat(rerouted.caseId()).isEqualTo("CASE-LY20261128-k1");
            assertThat(rerouted.routingRound()).isEqualTo(2);
            assertThat(rerouted.leadDepartment()).isNotEqualTo("URBAN_MANAGEMENT");
        }
    }

    @Test
    void returnOfACaseDispatchNeverOpenedIsDeadLetteredWithItsReason() {
        publisher.publish(Topics.CASES_LIFECYCLE, new CaseReturned("ret-x", "CASE-NOPE", "URBAN_MANAGEMENT", "NOT_OUR_DUTY",
                "?", 1, null, World.MORNING, 1));

        try (TopicProbe dead = new TopicProbe(brokers, Topics.deadLetterOf(Topics.CASES_LIFECYCLE))) {
            ConsumerRecord<String, byte[]> record = dead.await(1, Duration.ofSeconds(60)).get(0);
            assertThat(TopicProbe.header(record, CloudEventHeaders.DLT_REASON)).isEqualTo("unknown-case");
        }
    }
}

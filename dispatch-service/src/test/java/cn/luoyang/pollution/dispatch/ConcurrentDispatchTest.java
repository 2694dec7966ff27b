package cn.luoyang.pollution.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;
import org.bson.Document;

/**
 * The {@code registered} binding with its four consumer threads: reports of the same incident sent
 * at the same moment to different partitions still make one case (the others merge into it), and a
 * redelivery of every report decides nothing twice.
 */
@ServiceTest
class ConcurrentDispatchTest {

    private static final int INCIDENTS = 40;
    private static final int PARTITIONS = 4;

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
    void sameIncidentReportedOnEveryPartitionAtOnceMakesOneCaseAndRedeliveryDuplicatesNothing() throws Exception {
        Map<Integer, List<ComplaintRegistered>> incidents = incidents();
        List<ComplaintRegistered> all = incidents.values().stream().flatMap(List::stream).toList();
        List<String> ids = all.stream().map(ComplaintRegistered::complaintId).toList();

        assertThat(registeredConsumerThreads()).isEqualTo(PARTITIONS);
        send(incidents);
        awaitDecisions(ids);

        assertOneCasePerIncident(incidents);
        try (TopicProbe dispatched = new TopicProbe(brokers, Topics.CASES_DISPATCHED)) {
            Map<String, List<Event>> byComplaint = outcomes(dispatched, ids, all.size());
            assertThat(byComplaint).hasSize(all.size()).allSatisfy((id, events) -> assertThat(events).hasSize(1));
            assertThat(byComplaint.values().stream().flatMap(List::stream).filter(CaseDispatched.class::isInstance)).hasSize(INCIDENTS);

            send(incidents); // every report again: a redelivery on all four threads at once

            Map<String, List<Event>> again = outcomes(dispatched, ids, 2 * all.size());
            assertThat(again).allSatisfy((id, events) -> {
                assertThat(events).as(id).hasSize(2);
                assertThat(events.get(1).eventId()).as(id).isEqualTo(events.get(0).eventId());
            });
        }
        assertOneCasePerIncident(incidents);
        assertThat(mongo.count(Query.query(Criteria.where("_id").in(ids)), "decisions")).isEqualTo(all.size());
    }

    /** Forty incidents across the city, each reported two or three times a few dozen to 150 metres apart. */
    private Map<Integer, List<ComplaintRegistered>> incidents() {
        Map<Integer, List<ComplaintRegistered>> incidents = new HashMap<>();
        for (int k = 0; k < INCIDENTS; k++) {
            GeoPoint at = Luoyang.gcj(112.38 + (k % 10) * 0.011, 34.62 + (k / 10) * 0.012);
            int reports = k % 4 == 0 ? 3 : 2;
            List<ComplaintRegistered> same = new ArrayList<>();
            for (int r = 0; r < reports; r++) {
                // copies spread over up to 150 m, so each lies within the 200 m merge radius of every
                // other, whichever opens the case; about half fall in a neighbouring merge cell
                double spread = 40 + 55 * (k % 3);
                double east = reports == 2 ? r * spread : (r - 1) * spread / 2;
                GeoPoint where = Luoyang.east(at, east);
                same.add(fixtures.registered("cc-" + k + "-" + r, "AIR_OPEN_BURNING", where, null, World.MORNING));
            }
            incidents.put(k, same);
        }
        return incidents;
    }

    /** Report r of incident k goes to partition (k + r) mod 4, in incident order: the copies are handled side by side. */
    private void send(Map<Integer, List<ComplaintRegistered>> incidents) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int k = 0; k < INCIDENTS; k++) {
                List<ComplaintRegistered> same = incidents.get(k);
                for (int r = 0; r < same.size(); r++) {
                    Message<byte[]> message = publisher.toMessage(same.get(r));
                    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.COMPLAINTS_REGISTERED, (k + r) % PARTITIONS,
                            (byte[]) message.getHeaders().get(org.springframework.kafka.support.KafkaHeaders.KEY), message.getPayload());
                    message.getHeaders().forEach((name, value) -> {
                        if (name.startsWith("ce")) {
                            record.headers().add(name, (byte[]) value);
                        }
                    });
                    producer.send(record);
                }
            }
            producer.flush();
        }
    }

    private void awaitDecisions(List<String> ids) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (mongo.count(Query.query(Criteria.where("_id").in(ids)), "decisions") < ids.size() && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertThat(mongo.count(Query.query(Criteria.where("_id").in(ids)), "decisions")).isEqualTo(ids.size());
    }

    private void assertOneCasePerIncident(Map<Integer, List<ComplaintRegistered>> incidents) {
        incidents.forEach((k, same) -> {
            List<String> ids = same.stream().map(ComplaintRegistered::complaintId).toList();
            List<Document> cases = mongo.find(Query.query(Criteria.where("complaintIds").in(ids)), Document.class, "cases");
            assertThat(cases).as("cases of incident %d", k).hasSize(1);
            assertThat(cases.get(0).getList("complaintIds", String.class)).as("incident %d", k).containsExactlyInAnyOrderElementsOf(ids);
            List<Document> decisions = mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, "decisions");
            assertThat(decisions).extracting(d -> d.getString("outcome")).as("incident %d", k)
                    .containsOnlyOnce("DISPATCHED").containsOnly("DISPATCHED", "MERGED");
            assertThat(decisions).extracting(d -> d.getString("caseId")).as("incident %d", k).containsOnly(cases.get(0).getString("_id"));
        });
    }

    /** Waits for {@code count} outcome events about these complaints on cases.dispatched; groups them by complaint. */
    private Map<String, List<Event>> outcomes(TopicProbe probe, Collection<String> ids, int count) {
        Set<String> wanted = Set.copyOf(ids);
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<Event> mine = List.of();
        int want = 1;
        while (System.nanoTime() < end) {
            List<ConsumerRecord<String, byte[]>> records = probe.await(want, Duration.ofSeconds(2));
            mine = records.stream().map(r -> codec.decode(TopicProbe.header(r, CloudEventHeaders.TYPE), r.value()))
                    .filter(e -> wanted.contains(complaintOf(e))).toList();
            if (mine.size() >= count) {
                break;
            }
            want = records.size() + 1;
        }
        assertThat(mine).hasSize(count);
        return mine.stream().collect(Collectors.groupingBy(ConcurrentDispatchTest::complaintOf));
    }

    private static String complaintOf(Event event) {
        if (event instanceof CaseDispatched d) {
            return d.complaintId();
        }
        if (event instanceof ComplaintMerged m) {
            return m.complaintId();
        }
        return event instanceof DispatchFailed f ? f.complaintId() : null;
    }

    /** Members of dispatch's consumer group that hold partitions of complaints.registered. */
    private long registeredConsumerThreads() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long members = 0;
            while (System.nanoTime() < end) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("dispatch-service")).all().get()
                        .get("dispatch-service");
                members = group.members().stream().filter(m -> m.assignment().topicPartitions().stream()
                        .anyMatch(p -> p.topic().equals(Topics.COMPLAINTS_REGISTERED))).count();
                if (members == PARTITIONS) {
                    break;
                }
                Thread.sleep(200);
            }
            return members;
        }
    }
}

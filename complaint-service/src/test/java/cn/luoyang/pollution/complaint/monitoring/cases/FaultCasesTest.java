package cn.luoyang.pollution.complaint.monitoring.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.Complaints;
import cn.luoyang.pollution.complaint.support.CaseEvents;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.complaint.tracking.PublicStatus;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.EventTypes;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.ReporterNoteAdded;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultCleared;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultDetected;
import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.TopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The faults' consumer in the running service on the real broker and MongoDB: a monitor's fault becomes one
 * complaint of channel ONLINE_MONITORING with the readings and the MN; the same fault delivered again changes
 * nothing; a later fault of the same kind and factor while the case is open is a note on it, and so is the
 * clearance; a fault of the other kind, or an exceedance of another factor, opens its own case; once the case is
 * closed, the next fault opens a new one; a fault that cannot become a case goes to the dead-letter topic with its
 * reason, and the consumer goes on.
 */
class FaultCasesTest extends ServiceHarness {

    private static final Instant NINE = Instant.parse("2026-11-28T01:00:00Z");
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    EventPublisher events;
    @Autowired
    Complaints complaints;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void oneOpenCasePerMonitorAndFaultKindLaterFaultsAreNotesAndAClosedCaseFreesTheKey() {
        String mn = "410305LY" + UUID.randomUUID().toString().substring(0, 8) + "SITE0117";
        MonitorFaultDetected first = exceeded(mn, NINE, 212.5, "a34002");
        try (TopicProbe registered = new TopicProbe(brokers, Topics.COMPLAINTS_REGISTERED);
             TopicProbe notes = new TopicProbe(brokers, Topics.COMPLAINTS_NOTES)) {
            events.publish(Topics.MONITORING_FAULTS, first);
            events.publish(Topics.MONITORING_FAULTS, first); // redelivered
            events.publish(Topics.MONITORING_FAULTS, exceeded(mn, NINE.plusSeconds(4 * 3600), 190.0, "a34002"));
            events.publish(Topics.MONITORING_FAULTS, offline(mn, NINE.plusSeconds(6 * 3600)));
            events.publish(Topics.MONITORING_FAULTS, cleared(mn, NINE.plusSeconds(7 * 3600)));

            // the clearance is the last record: once its note is out, every record before it was handled
            List<ReporterNoteAdded> added = notesFor(notes, mn, 2);
            assertThat(added).extracting(ReporterNoteAdded::sourceSystem).containsOnly(MonitorCases.SOURCE_SYSTEM);
            assertThat(added.get(0).note()).contains(mn).contains("超标").contains("190.0");
            assertThat(added.get(1).note()).contains("数据已回落").contains("96.4");

            List<ComplaintRegistered> cases = registeredFor(registered, mn, 2);
            assertThat(complaintsOf(mn)).isEqualTo(2);
            ComplaintRegistered dust = cases.stream().filter(c -> c.monitor().kind() == FaultKind.EXCEEDANCE).findFirst().orElseThrow();
            ComplaintRegistered silent = cases.stream().filter(c -> c.monitor().kind() == FaultKind.OFFLINE).findFirst().orElseThrow();
            assertThat(dust.channel()).isEqualTo(Channel.ONLINE_MONITORING);
            assertThat(dust.category()).isEqualTo("AIR_CONSTRUCTION_DUST");
            assertThat(dust.reporter().anonymous()).isTrue();
            assertThat(dust.monitor().mn()).isEqualTo(mn);
            assertThat(dust.monitor().faultEventId()).isEqualTo(first.eventId());
            assertThat(dust.monitor().windows()).extracting(WindowAverage::average).containsExactly(212.5, 188.0);
            assertThat(dust.description()).contains(mn).contains("PM10").contains("212.5");
            assertThat(added).allSatisfy(n -> assertThat(n.trackingNumber()).isEqualTo(dust.trackingNumber()));
            assertThat(silent.description()).contains("离线");

            // the dust case is dispatched and closed: the next exceedance opens a new case
            events.publish(Topics.CASES_DISPATCHED, CaseEvents.dispatched("CASE-" + dust.trackingNumber(), dust.complaintId(),
                    dust.trackingNumber(), "HOUSING_CONSTRUCTION", 1, NINE));
            events.publish(Topics.CASES_LIFECYCLE, CaseEvents.closed("CASE-" + dust.trackingNumber(), "已覆盖裸土, 喷淋开启",
                    List.of(dust.complaintId()), NINE.plusSeconds(8 * 3600)));
            eventually(Duration.ofSeconds(30), () -> complaints.byTrackingNumber(dust.trackingNumber())
                    .map(Complaint::progress).filter(p -> p.status() == PublicStatus.CLOSED).isPresent(), "the case closed");
            MonitorFaultDetected again = exceeded(mn, NINE.plusSeconds(24 * 3600), 175.0, "a34002");
            events.publish(Topics.MONITORING_FAULTS, again);

            List<ComplaintRegistered> all = registeredFor(registered, mn, 3);
            assertThat(all).filteredOn(c -> c.monitor().kind() == FaultKind.EXCEEDANCE)
                    .extracting(c -> c.monitor().faultEventId()).containsExactlyInAnyOrder(first.eventId(), again.eventId());
        }
    }

    @Test
    void aPm10AndANoiseExceedanceOfOneMonitorAreTwoCasesEachTakingItsOwnLaterFaultsAndClearance() {
        String mn = "410305LY" + UUID.randomUUID().toString().substring(0, 8) + "SITE0118";
        MonitorFaultDetected dust = exceeded(mn, NINE, 212.5, "a34002");
        MonitorFaultDetected noise = exceeded(mn, NINE, 78.5, "LA");
        try (TopicProbe registered = new TopicProbe(brokers, Topics.COMPLAINTS_REGISTERED);
             TopicProbe notes = new TopicProbe(brokers, Topics.COMPLAINTS_NOTES)) {
            events.publish(Topics.MONITORING_FAULTS, dust);
            events.publish(Topics.MONITORING_FAULTS, noise);
            events.publish(Topics.MONITORING_FAULTS, noise); // redelivered
            events.publish(Topics.MONITORING_FAULTS, exceeded(mn, NINE.plusSeconds(4 * 3600), 81.0, "LA"));
            events.publish(Topics.MONITORING_FAULTS, cleared(mn, NINE.plusSeconds(6 * 3600), "a34002"));

            List<ComplaintRegistered> cases = registeredFor(registered, mn, 2);
            assertThat(cases).extracting(c -> c.monitor().factor()).containsExactlyInAnyOrder("a34002", "LA");
            assertThat(cases).extracting(ComplaintRegistered::category)
                    .containsExactlyInAnyOrder("AIR_CONSTRUCTION_DUST", "NOISE_NIGHT_CONSTRUCTION");
            String dustCase = cases.stream().filter(c -> "a34002".equals(c.monitor().factor())).findFirst().orElseThrow()
                    .trackingNumber();
            String noiseCase = cases.stream().filter(c -> "LA".equals(c.monitor().factor())).findFirst().orElseThrow()
                    .trackingNumber();
            List<ReporterNoteAdded> added = notesFor(notes, mn, 2);
            assertThat(added).filteredOn(n -> n.note().contains("81.0")).singleElement()
                    .satisfies(n -> assertThat(n.trackingNumber()).isEqualTo(noiseCase));
            assertThat(added).filteredOn(n -> n.note().contains("数据已回落")).singleElement()
                    .satisfies(n -> assertThat(n.trackingNumber()).isEqualTo(dustCase));
            assertThat(complaintsOf(mn)).isEqualTo(2);
            assertThat(mongo.count(Query.query(Criteria.where("mn").is(mn)), "monitor_episodes")).isEqualTo(2);
        }
    }

    @Test
    void anExceedanceCaseOpenedBeforeCasesWereKeptPerFactorTakesEveryFactorUntilItClosesThenEachFactorOpensItsOwn() {
        String mn = "410305LY" + UUID.randomUUID().toString().substring(0, 8) + "SITE0119";
        try (TopicProbe registered = new TopicProbe(brokers, Topics.COMPLAINTS_REGISTERED);
             TopicProbe notes = new TopicProbe(brokers, Topics.COMPLAINTS_NOTES)) {
            events.publish(Topics.MONITORING_FAULTS, exceeded(mn, NINE, 212.5, "a34002"));
            ComplaintRegistered dust = registeredFor(registered, mn, 1).get(0);
            // the episode as the previous version stored it: one key per monitor and fault kind
            Document episode = mongo.findById(mn + "|EXCEEDANCE|a34002", Document.class, "monitor_episodes");
            mongo.remove(Query.query(Criteria.where("_id").is(mn + "|EXCEEDANCE|a34002")), "monitor_episodes");
            mongo.insert(episode.append("_id", mn + "|EXCEEDANCE"), "monitor_episodes");

            MonitorFaultDetected noise = exceeded(mn, NINE.plusSeconds(3600), 78.5, "LA");
            events.publish(Topics.MONITORING_FAULTS, noise);
            events.publish(Topics.MONITORING_FAULTS, noise); // redelivered
            assertThat(notesFor(notes, mn, 1)).singleElement()
                    .satisfies(n -> assertThat(n.trackingNumber()).isEqualTo(dust.trackingNumber()));
            assertThat(complaintsOf(mn)).isEqualTo(1);

            events.publish(Topics.CASES_DISPATCHED, CaseEvents.dispatched("CASE-" + dust.trackingNumber(), dust.complaintId(),
                    dust.trackingNumber(), "HOUSING_CONSTRUCTION", 1, NINE));
            events.publish(Topics.CASES_LIFECYCLE, CaseEvents.closed("CASE-" + dust.trackingNumber(), "已覆盖裸土, 喷淋开启",
                    List.of(dust.complaintId()), NINE.plusSeconds(8 * 3600)));
            eventually(Duration.ofSeconds(30), () -> complaints.byTrackingNumber(dust.trackingNumber())
                    .map(Complaint::progress).filter(p -> p.status() == PublicStatus.CLOSED).isPresent(), "the case closed");
            events.publish(Topics.MONITORING_FAULTS, exceeded(mn, NINE.plusSeconds(24 * 3600), 80.0, "LA"));
            assertThat(registeredFor(registered, mn, 2)).extracting(c -> c.monitor().factor())
                    .containsExactlyInAnyOrder("a34002", "LA");
        }
    }

    @Test
    void aFaultThatCannotBecomeACaseIsDeadLetteredWithItsReasonAndTheNextOneIsTaken() {
        String mn = "410305LY" + UUID.randomUUID().toString().substring(0, 8) + "SITE0201";
        double before = deadLettered();
        try (TopicProbe dlt = new TopicProbe(brokers, Topics.deadLetterOf(Topics.MONITORING_FAULTS));
             TopicProbe registered = new TopicProbe(brokers, Topics.COMPLAINTS_REGISTERED)) {
            // SO2 (a21026): no complaint category is configured for it
            events.publish(Topics.MONITORING_FAULTS, exceeded(mn, NINE, 600.0, "a21026"));
            produce(Topics.MONITORING_FAULTS, mn, "{\"eventId\":".getBytes(StandardCharsets.UTF_8),
                    Map.of(CloudEventHeaders.TYPE, EventTypes.nameOf(MonitorFaultDetected.class)));
            events.publish(Topics.MONITORING_FAULTS, exceeded(mn, NINE, 212.5, "a34002"));

            List<ConsumerRecord<String, byte[]>> dead = dlt.await(2, Duration.ofSeconds(60)).stream()
                    .filter(r -> mn.equals(r.key())).toList();
            assertThat(dead).extracting(r -> TopicProbe.header(r, CloudEventHeaders.DLT_REASON))
                    .hasSize(2).contains("no-category").doesNotContainNull();
            assertThat(dead).extracting(r -> TopicProbe.header(r, CloudEventHeaders.DLT_ORIGINAL_TOPIC))
                    .containsOnly(Topics.MONITORING_FAULTS);
            assertThat(registeredFor(registered, mn, 1)).singleElement()
                    .satisfies(c -> assertThat(c.monitor().factor()).isEqualTo("a34002"));
            assertThat(deadLettered() - before).isEqualTo(2.0);
        }
    }

    private double deadLettered() {
        Counter counter = meters.find("monitoring.faults.cases").tag("outcome", "dead-lettered").counter();
        return counter == null ? 0 : counter.count();
    }

    private long complaintsOf(String mn) {
        return mongo.count(Query.query(Criteria.where("draft.monitor.mn").is(mn)), "complaints");
    }

    private static List<ComplaintRegistered> registeredFor(TopicProbe probe, String mn, int count) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ComplaintRegistered> found = List.of();
        while (found.size() < count && System.nanoTime() < end) {
            found = probe.await(Integer.MAX_VALUE, Duration.ofMillis(300)).stream()
                    .map(r -> (ComplaintRegistered) CODEC.decode(TopicProbe.header(r, CloudEventHeaders.TYPE), r.value()))
                    .filter(c -> c.monitor() != null && mn.equals(c.monitor().mn())).toList();
        }
        assertThat(found).as("complaints registered for " + mn).hasSize(count);
        return found;
    }

    private static List<ReporterNoteAdded> notesFor(TopicProbe probe, String mn, int count) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ReporterNoteAdded> found = List.of();
        while (found.size() < count && System.nanoTime() < end) {
            found = probe.await(Integer.MAX_VALUE, Duration.ofMillis(300)).stream()
                    .map(r -> (ReporterNoteAdded) CODEC.decode(TopicProbe.header(r, CloudEventHeaders.TYPE), r.value()))
                    .filter(n -> n.note().contains(mn)).toList();
        }
        assertThat(found).as("notes for " + mn).hasSize(count);
        return found;
    }

    private static MonitorFaultDetected exceeded(String mn, Instant start, double average, String factor) {
        Instant end = start.plusSeconds(7200);
        return new MonitorFaultDetected(UUID.randomUUID().toString(), mn, "SITE-410305-0117", "HOUSING_CONSTRUCTION@410305",
                FaultKind.EXCEEDANCE, "pm10-hourly", factor, 150.0, start, end,
                List.of(new WindowAverage(start, start.plusSeconds(3600), average, average + 40, 60),
                        new WindowAverage(start.plusSeconds(3600), end, 188.0, 240.0, 58)),
                end.minusSeconds(60), end.plusSeconds(60), MonitorFaultDetected.VERSION);
    }

    private static MonitorFaultDetected offline(String mn, Instant lastReading) {
        Instant found = lastReading.plusSeconds(1800);
        return new MonitorFaultDetected(UUID.randomUUID().toString(), mn, "SITE-410305-0117", "HOUSING_CONSTRUCTION@410305",
                FaultKind.OFFLINE, "offline", null, null, lastReading, found, List.of(), lastReading, found,
                MonitorFaultDetected.VERSION);
    }

    private static MonitorFaultCleared cleared(String mn, Instant start) {
        return cleared(mn, start, "a34002");
    }

    private static MonitorFaultCleared cleared(String mn, Instant start, String factor) {
        Instant end = start.plusSeconds(7200);
        return new MonitorFaultCleared(UUID.randomUUID().toString(), mn, "SITE-410305-0117", "HOUSING_CONSTRUCTION@410305",
                FaultKind.EXCEEDANCE, "pm10-hourly", factor, 150.0, start, end,
                List.of(new WindowAverage(start, start.plusSeconds(3600), 96.4, 130.2, 60),
                        new WindowAverage(start.plusSeconds(3600), end, 88.0, 120.0, 60)),
                end.plusSeconds(60), MonitorFaultCleared.VERSION);
    }
}

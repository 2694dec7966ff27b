package cn.luoyang.pollution.complaint.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.Complaints;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.intake.persistence.MongoTrackingNumbers;
import cn.luoyang.pollution.complaint.support.CaseEvents;
import cn.luoyang.pollution.testing.EmbeddedMongo;
import cn.luoyang.pollution.testing.IndexRule;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every query of intake, the outbox relay and status tracking, as sent over the wire, has a
 * top-level condition on {@code _id} or on the first key of an index the service declares
 * ({@code natural_key}, {@code tracking_number}, {@code progress.caseId}, {@code outbox.notBefore}):
 * the embedded MongoDB serves none of them by scanning every complaint.
 */
class HotQueriesUseIndexesTest {

    static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");
    final MongoServer server = EmbeddedMongo.inMemory();
    final IndexRule rule = new IndexRule();

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void intakeRelayAndTrackingAreServedByIndexes() {
        server.bind("127.0.0.1", 0);
        MongoTemplate template = rule.template("mongodb://127.0.0.1:" + server.getLocalAddress().getPort(), "complaints");
        MongoComplaints store = new MongoComplaints(template, new EventCodec());
        store.createIndexes();
        MongoTrackingNumbers numbers = new MongoTrackingNumbers(template, 20);
        rule.clear();

        for (String id : List.of("c-0001", "c-0002")) {
            ComplaintDraft draft = new ComplaintDraft("hotline", "T-" + id, Channel.HOTLINE_12369, "AIR_DUST", null, "工地扬尘",
                    new GeoPoint(112.45, 34.62, GeoPoint.Datum.WGS84), "洛龙区", T0, true, List.of(),
                    new ReporterContact(false, "sealed", "138****" + id.substring(2), PhoneKind.MOBILE), false);
            String trackingNumber = numbers.next(LocalDate.of(2026, 11, 28));
            store.insert(Complaint.register(id, trackingNumber, draft, "ev-" + id, T0, Duration.ofSeconds(5)));
            try {
                store.insert(Complaint.register(id + "-again", numbers.next(LocalDate.of(2026, 11, 28)), draft, "ev-x", T0,
                        Duration.ofSeconds(5)));
            } catch (Complaints.DuplicateTicketException repeated) {
                store.byNaturalKey(draft.naturalKey()); // a redelivered ticket is answered with the stored complaint
            }
        }
        new OutboxRelay(template, MongoComplaints.COLLECTION, new Outbox(new EventCodec()), (topic, event) -> { },
                Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC), Duration.ofMinutes(1)).sweep();
        String opener = store.trackedById("c-0001").orElseThrow().trackingNumber();
        String co = store.trackedById("c-0002").orElseThrow().trackingNumber();
        String caseId = "CASE-" + opener;
        Tracker tracker = new Tracker(store);
        tracker.on(CaseEvents.accepted(caseId, "URBAN_MANAGEMENT", T0.plusSeconds(1))); // overtakes the dispatch
        tracker.on(CaseEvents.dispatched(caseId, "c-0001", opener, "URBAN_MANAGEMENT", 1, T0.plusSeconds(2)));
        tracker.on(CaseEvents.merged(caseId, "c-0002", co, T0.plusSeconds(3)));
        tracker.on(CaseEvents.closed(caseId, "已处理。", List.of("c-0001", "c-0002"), T0.plusSeconds(4)));
        store.trackedByNumber(co);

        assertThat(rule.recorded()).as("filters seen on the wire").isGreaterThan(10);
        assertThat(rule.scans(IndexRule.firstKeys(template, "complaints", "tracking_counters"))).isEmpty();
    }
}

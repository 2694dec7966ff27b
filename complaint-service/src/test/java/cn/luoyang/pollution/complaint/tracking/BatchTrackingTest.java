package cn.luoyang.pollution.complaint.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.support.CaseEvents;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.CountedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Case events a poll at a time: the complaints read at once, the events applied in memory in poll order, one bulk
 * write. Round trips are counted on the wire (data commands), not timed.
 */
class BatchTrackingTest {

    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

    private final List<CountedMongo> servers = new ArrayList<>();
    private final CountedMongo server = server();
    private final MongoComplaints store = stored(server);
    private final Tracker tracker = new Tracker(store);

    @AfterEach
    void stop() {
        servers.forEach(CountedMongo::close);
    }

    private CountedMongo server() {
        CountedMongo s = new CountedMongo("complaints");
        servers.add(s);
        return s;
    }

    /** Five openers {@code a0..a4} and five co-reporters {@code b0..b4}, tracking numbers {@code LY-a0} etc. */
    private static MongoComplaints stored(CountedMongo server) {
        MongoComplaints complaints = new MongoComplaints(server.template(), new EventCodec());
        complaints.createIndexes();
        for (int k = 0; k < 5; k++) {
            for (String id : List.of("a" + k, "b" + k)) {
                ComplaintDraft draft = new ComplaintDraft("hotline", "T-" + id, Channel.HOTLINE_12369, "AIR_DUST", null, "工地扬尘",
                        new GeoPoint(112.45, 34.62, GeoPoint.Datum.WGS84), "洛龙区", T0, true, List.of(),
                        new ReporterContact(false, "sealed", "138****0000", PhoneKind.MOBILE), false);
                complaints.insert(Complaint.register(id, "LY-" + id, draft, "ev-" + id, T0, Duration.ofSeconds(5)));
            }
        }
        server.reset();
        return complaints;
    }

    private static List<Event> dispatchedAndMerged() {
        List<Event> events = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            events.add(CaseEvents.dispatched("CASE-LY-a" + k, "a" + k, "LY-a" + k, "URBAN_MANAGEMENT", 1, T0.plusSeconds(60)));
            events.add(CaseEvents.merged("CASE-LY-a" + k, "b" + k, "LY-b" + k, T0.plusSeconds(120)));
        }
        return events;
    }

    private static List<Event> acceptedAndClosed() {
        List<Event> events = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            events.add(CaseEvents.accepted("CASE-LY-a" + k, "URBAN_MANAGEMENT", T0.plusSeconds(180)));
            events.add(CaseEvents.closed("CASE-LY-a" + k, "已处理。", List.of("a" + k, "b" + k), T0.plusSeconds(240)));
        }
        return events;
    }

    @Test
    void aBatchOfTenDispatchEventsCostsTwoReadsAndOneBulkWriteWhereOneByOneTheyCostThirty() {
        tracker.on(dispatchedAndMerged());
        int dispatch = server.commands();
        server.reset();
        tracker.on(acceptedAndClosed());
        int lifecycle = server.commands();
        System.out.println("batches of 10 case events: cases.dispatched " + dispatch + ", cases.lifecycle " + lifecycle + " data commands");

        assertThat(dispatch).as("by id, by case, one bulk write").isEqualTo(3);
        assertThat(lifecycle).as("by id, by case, one bulk write").isEqualTo(3);
        assertThat(store.trackedById("b4").orElseThrow().progress().status()).isEqualTo(PublicStatus.CLOSED);
    }

    @Test
    void oneByOneTheSameEventsCostThreeCommandsAnEventAndTwoForAnAcceptance() {
        dispatchedAndMerged().forEach(tracker::on);
        int dispatch = server.commands();
        server.reset();
        acceptedAndClosed().forEach(tracker::on);
        int lifecycle = server.commands();
        System.out.println("10 case events one by one: cases.dispatched " + dispatch + ", cases.lifecycle " + lifecycle + " data commands");

        assertThat(dispatch).isEqualTo(30);
        assertThat(lifecycle).isEqualTo(25);
    }

    /** One case's events out of order and one delivered twice, all in one poll. */
    private static List<Event> oneCaseJumbled() {
        Event accepted = CaseEvents.accepted("CASE-LY-a1", "URBAN_MANAGEMENT", T0.plusSeconds(180));
        return List.of(accepted, // overtakes the dispatch (another topic)
                CaseEvents.dispatched("CASE-LY-a1", "a1", "LY-a1", "URBAN_MANAGEMENT", 1, T0.plusSeconds(60)),
                CaseEvents.merged("CASE-LY-a1", "b1", "LY-b1", T0.plusSeconds(120)),
                accepted, // redelivered within the poll
                CaseEvents.closed("CASE-LY-a1", "已处理。", List.of("a1", "b1"), T0.plusSeconds(240)));
    }

    @Test
    void eventsOfOneCaseInOneBatchEndWhereTheyEndOneByOneWithOneWriteForEachComplaint() {
        List<Event> events = oneCaseJumbled();
        MongoComplaints oneByOne = stored(server());
        events.forEach(new Tracker(oneByOne)::on);

        tracker.on(events);

        for (String id : List.of("a1", "b1")) {
            Progress batched = store.trackedById(id).orElseThrow().progress();
            Progress single = oneByOne.trackedById(id).orElseThrow().progress();
            assertThat(batched.status()).isEqualTo(PublicStatus.CLOSED);
            assertThat(batched.history()).isEqualTo(single.history());
            assertThat(batched.history()).extracting(StatusChange::eventId).doesNotHaveDuplicates();
            assertThat(batched.department()).isEqualTo("URBAN_MANAGEMENT");
            assertThat(batched.version()).as("one stored write for the batch").isEqualTo(1);
        }
    }

    @Test
    void aRedeliveredBatchOnlyReads() {
        tracker.on(dispatchedAndMerged());
        List<Event> lifecycle = acceptedAndClosed();
        tracker.on(lifecycle);
        List<Tracked> before = store.trackedByIds(List.of("a3", "b3"));
        server.reset();

        int changed = tracker.on(lifecycle);

        assertThat(changed).isZero();
        assertThat(server.commands()).as("by id, by case; no write").isEqualTo(2);
        assertThat(store.trackedByIds(List.of("a3", "b3"))).isEqualTo(before);
    }

    @Test
    void aComplaintAnotherWriterMovesDuringTheBatchKeepsBothChanges() {
        Event reopened = CaseEvents.reopened("CASE-LY-a2", T0.plusSeconds(300));
        Tracker other = new Tracker(store);
        Tracker racing = new Tracker(new DelegatingStore(store) {
            @Override
            public boolean replaceAll(List<Replacement> replacements) {
                other.on(List.of(CaseEvents.dispatched("CASE-LY-a2", "a2", "LY-a2", "URBAN_MANAGEMENT", 1, T0.plusSeconds(60))));
                return super.replaceAll(replacements);
            }
        });

        racing.on(List.of(CaseEvents.accepted("CASE-LY-a2", "URBAN_MANAGEMENT", T0.plusSeconds(180)), reopened));

        Progress progress = store.trackedById("a2").orElseThrow().progress();
        assertThat(progress.history()).extracting(StatusChange::status).containsExactly(PublicStatus.RECEIVED,
                PublicStatus.DISPATCHED, PublicStatus.ACCEPTED, PublicStatus.REOPENED);
        assertThat(progress.version()).as("the other writer's write and this batch's, once each").isEqualTo(2);
    }

    /** A store that passes every call on, for a test to step in before one. */
    private static class DelegatingStore implements ProgressStore {
        private final ProgressStore store;

        DelegatingStore(ProgressStore store) {
            this.store = store;
        }

        @Override
        public Optional<Tracked> trackedById(String complaintId) {
            return store.trackedById(complaintId);
        }

        @Override
        public Optional<Tracked> trackedByNumber(String trackingNumber) {
            return store.trackedByNumber(trackingNumber);
        }

        @Override
        public List<Tracked> trackedByCase(String caseId) {
            return store.trackedByCase(caseId);
        }

        @Override
        public List<Tracked> trackedByIds(Collection<String> complaintIds) {
            return store.trackedByIds(complaintIds);
        }

        @Override
        public List<Tracked> trackedByCases(Collection<String> caseIds) {
            return store.trackedByCases(caseIds);
        }

        @Override
        public List<Tracked> trackedByNumbers(Collection<String> trackingNumbers) {
            return store.trackedByNumbers(trackingNumbers);
        }

        @Override
        public boolean replace(String complaintId, int expectedVersion, Progress next) {
            return store.replace(complaintId, expectedVersion, next);
        }

        @Override
        public boolean replaceAll(List<Replacement> replacements) {
            return store.replaceAll(replacements);
        }
    }
}

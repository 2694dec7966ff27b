package cn.luoyang.pollution.complaint.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.support.CaseEvents;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * With four consumer threads on {@code cases.dispatched} and {@code cases.lifecycle}, one case's
 * events can meet on two threads (the two topics, or a redelivery racing the original after a
 * rebalance). Against the embedded MongoDB the version-checked writes keep every status change
 * exactly once, whatever the interleaving.
 */
class ConcurrentTrackingTest {

    static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");
    final MongoServer server = EmbeddedMongo.inMemory();
    final List<MongoClient> clients = new ArrayList<>();
    final ExecutorService pool = Executors.newFixedThreadPool(8);
    MongoComplaints store;

    @AfterEach
    void stop() {
        pool.shutdownNow();
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    MongoComplaints replica() {
        if (clients.isEmpty()) {
            server.bind("127.0.0.1", 0);
        }
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        clients.add(client);
        MongoComplaints complaints = new MongoComplaints(new MongoTemplate(client, "complaints"), new EventCodec());
        complaints.createIndexes();
        return complaints;
    }

    void stored(String id, String trackingNumber) {
        ComplaintDraft draft = new ComplaintDraft("hotline", "T-" + id, Channel.HOTLINE_12369, "AIR_DUST", null, "工地扬尘",
                new GeoPoint(112.45, 34.62, GeoPoint.Datum.WGS84), "洛龙区", T0, true, List.of(),
                new ReporterContact(false, "sealed", "138****" + id.substring(id.length() - 4), PhoneKind.MOBILE), false);
        store.insert(Complaint.register(id, trackingNumber, draft, "ev-" + id, T0, Duration.ofSeconds(5)));
    }

    @Test
    void oneCasesEventsDeliveredTwiceOnEightThreadsAtOnceChangeEachComplaintOncePerEvent() throws Exception {
        store = replica();
        stored("c-0001", "LY20261128-000001");
        stored("c-0002", "LY20261128-000002");
        String caseId = "CASE-LY20261128-000001";
        List<Event> events = List.of(
                CaseEvents.dispatched(caseId, "c-0001", "LY20261128-000001", "URBAN_MANAGEMENT", 1, T0.plusSeconds(1)),
                CaseEvents.merged(caseId, "c-0002", "LY20261128-000002", T0.plusSeconds(2)),
                CaseEvents.accepted(caseId, "URBAN_MANAGEMENT", T0.plusSeconds(3)),
                CaseEvents.closed(caseId, "已处理。", List.of("c-0001", "c-0002"), T0.plusSeconds(4)));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            Tracker tracker = new Tracker(replica());
            done.add(pool.submit(() -> {
                start.await();
                events.forEach(tracker::on); // each thread: the case's records in their partition order
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }

        for (String id : List.of("c-0001", "c-0002")) {
            Progress progress = store.trackedById(id).orElseThrow().progress();
            assertThat(progress.status()).isEqualTo(PublicStatus.CLOSED);
            assertThat(progress.history()).extracting(StatusChange::eventId).doesNotHaveDuplicates()
                    .contains(events.get(2).eventId(), events.get(3).eventId());
            assertThat(progress.version()).as("one stored write per change, none repeated")
                    .isEqualTo(progress.history().size() - 1);
        }
    }
}

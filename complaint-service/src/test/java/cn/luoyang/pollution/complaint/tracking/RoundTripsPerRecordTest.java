package cn.luoyang.pollution.complaint.tracking;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.support.CaseEvents;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.kit.events.EventCodec;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB round trips per consumed case event in status tracking, counted on the wire (a command
 * listener on the driver), so a change that adds a read before a write shows up here. A count, not a timing.
 */
class RoundTripsPerRecordTest {

    @Test
    void eachCaseEventReadsItsComplaintsOnceAndWritesEachOnce() {
        Instant t0 = Instant.parse("2026-11-28T02:00:00Z");
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        AtomicInteger n = new AtomicInteger();
        Set<String> data = Set.of("find", "insert", "update", "delete", "findAndModify", "count", "aggregate");
        CommandListener l = new CommandListener() {
            @Override public void commandStarted(CommandStartedEvent e) { if (data.contains(e.getCommandName())) n.incrementAndGet(); }
        };
        MongoTemplate t = new MongoTemplate(MongoClients.create(MongoClientSettings.builder().applyConnectionString(
                new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())).addCommandListener(l).build()), "complaints");
        MongoComplaints store = new MongoComplaints(t, new EventCodec());
        store.createIndexes();
        int r = 20;
        for (int i = 0; i < r; i++) {
            for (String id : List.of(String.format("a%03d", i), String.format("b%03d", i))) {
                ComplaintDraft draft = new ComplaintDraft("hotline", "T-" + id, Channel.HOTLINE_12369, "AIR_DUST", null, "x",
                        new GeoPoint(112.45, 34.62, GeoPoint.Datum.WGS84), "x", t0, true, List.of(),
                        new ReporterContact(false, "sealed", "138****0000"), false);
                store.insert(Complaint.register(id, "LY-" + id, draft, "ev-" + id, t0, Duration.ofSeconds(5)));
            }
        }
        Tracker tracker = new Tracker(store);
        n.set(0);
        for (int i = 0; i < r; i++) tracker.on(CaseEvents.dispatched("CASE-LY-" + String.format("a%03d", i), String.format("a%03d", i), "LY-" + String.format("a%03d", i), "URBAN_MANAGEMENT", 1, t0.plusSeconds(1)));
        assertThat(n.get() / (double) r).as("CaseDispatched: complaint, case, write").isEqualTo(3.0);
        n.set(0);
        for (int i = 0; i < r; i++) tracker.on(CaseEvents.merged("CASE-LY-" + String.format("a%03d", i), String.format("b%03d", i), "LY-" + String.format("b%03d", i), t0.plusSeconds(2)));
        assertThat(n.get() / (double) r).as("ComplaintMerged: case (department), complaint, write").isEqualTo(3.0);
        n.set(0);
        for (int i = 0; i < r; i++) tracker.on(CaseEvents.accepted("CASE-LY-" + String.format("a%03d", i), "URBAN_MANAGEMENT", t0.plusSeconds(3)));
        assertThat(n.get() / (double) r).as("CaseAccepted: case, two writes").isEqualTo(3.0);
        server.shutdownNow();
    }
}

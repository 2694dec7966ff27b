package cn.luoyang.pollution.complaint.tracking;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.support.CaseEvents;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.CountedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        CountedMongo mongo = new CountedMongo("complaints");
        MongoTemplate t = mongo.template();
        MongoComplaints store = new MongoComplaints(t, new EventCodec());
        store.createIndexes();
        int r = 20;
        for (int i = 0; i < r; i++) {
            for (String id : List.of(String.format("a%03d", i), String.format("b%03d", i))) {
                ComplaintDraft draft = new ComplaintDraft("hotline", "T-" + id, Channel.HOTLINE_12369, "AIR_DUST", null, "x",
                        new GeoPoint(112.45, 34.62, GeoPoint.Datum.WGS84), "x", t0, true, List.of(),
                        new ReporterContact(false, "sealed", "138****0000", PhoneKind.MOBILE), false);
                store.insert(Complaint.register(id, "LY-" + id, draft, "ev-" + id, t0, Duration.ofSeconds(5)));
            }
        }
        Tracker tracker = new Tracker(store);
        mongo.reset();
        for (int i = 0; i < r; i++) tracker.on(CaseEvents.dispatched("CASE-LY-" + String.format("a%03d", i), String.format("a%03d", i), "LY-" + String.format("a%03d", i), "URBAN_MANAGEMENT", 1, t0.plusSeconds(1)));
        assertThat(mongo.commands() / (double) r).as("CaseDispatched: complaint, case, write").isEqualTo(3.0);
        mongo.reset();
        for (int i = 0; i < r; i++) tracker.on(CaseEvents.merged("CASE-LY-" + String.format("a%03d", i), String.format("b%03d", i), "LY-" + String.format("b%03d", i), t0.plusSeconds(2)));
        assertThat(mongo.commands() / (double) r).as("ComplaintMerged: case (department), complaint, write").isEqualTo(3.0);
        mongo.reset();
        for (int i = 0; i < r; i++) tracker.on(CaseEvents.accepted("CASE-LY-" + String.format("a%03d", i), "URBAN_MANAGEMENT", t0.plusSeconds(3)));
        assertThat(mongo.commands() / (double) r).as("CaseAccepted: case, one bulk write of both").isEqualTo(2.0);
        mongo.close();
    }
}

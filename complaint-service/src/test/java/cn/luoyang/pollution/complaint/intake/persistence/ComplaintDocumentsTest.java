package cn.luoyang.pollution.complaint.intake.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.complaint.publication.Publication;
import cn.luoyang.pollution.complaint.tracking.Progress;
import cn.luoyang.pollution.complaint.tracking.PublicStatus;
import cn.luoyang.pollution.complaint.tracking.StatusChange;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.contracts.complaint.MonitorTrigger;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.CountedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@link ComplaintDocuments} over the embedded MongoDB server: a complaint stored the way the store
 * has written complaints so far (Spring Data's converter over a document class, with its
 * {@code _class}) loads whole, and what the store writes now has the same fields.
 */
class ComplaintDocumentsTest {

    static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");

    final CountedMongo server = new CountedMongo("complaints");
    final MongoTemplate mongo = server.template();
    final MongoComplaints complaints = new MongoComplaints(mongo, new EventCodec());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_complaint_stored_in_today_s_shape_loads_with_every_field() {
        mongo.insert(todaysShape(), MongoComplaints.COLLECTION);

        Complaint loaded = complaints.byTrackingNumber("LY2611280001").orElseThrow();

        assertThat(loaded).usingRecursiveComparison().ignoringFields("outbox").isEqualTo(expected());
        assertThat(loaded.outbox()).isEmpty();
        assertThat(complaints.trackedByCase("C-1")).singleElement()
                .satisfies(t -> assertThat(t.progress()).isEqualTo(expected().progress()));
    }

    @Test
    void the_store_writes_the_fields_it_always_wrote() {
        Complaint registered = Complaint.register("c-2", "LY2611280002", expected().draft(), "e-2", T0, Duration.ofSeconds(5));
        complaints.insert(registered);

        Document stored = mongo.findById("c-2", Document.class, MongoComplaints.COLLECTION);
        Document old = todaysShape();
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "trackingNumber", "naturalKey", "fingerprint", "draft",
                "receivedAt", "progress", "outbox");
        assertThat(stored.get("draft", Document.class)).isEqualTo(old.get("draft", Document.class));
        assertThat(complaints.byTrackingNumber("LY2611280002")).contains(registered);
    }

    @Test
    void a_tracking_change_rewrites_the_progress_and_raises_its_version_once() {
        mongo.insert(todaysShape(), MongoComplaints.COLLECTION);
        Progress before = expected().progress();
        Progress after = before.apply(new StatusChange("e-9", PublicStatus.CLOSED, T0.plusSeconds(600), "C-1", "HJJ", "done", null));

        assertThat(complaints.replace("c-1", before.version(), after)).isTrue();
        assertThat(complaints.replace("c-1", before.version(), after)).as("read at the old version").isFalse();

        assertThat(complaints.trackedById("c-1").orElseThrow().progress()).isEqualTo(after);
    }

    @Test
    void today_s_shape_is_what_spring_data_s_converter_wrote_for_the_former_document_class() {
        Complaint c = expected();
        Document written = new Document();
        mongo.getConverter().write(new FormerDocument(c.id(), c.trackingNumber(), c.naturalKey(), c.fingerprint(), c.draft(),
                c.receivedAt(), c.progress(), List.of(), c.publication()), written);

        assertThat(written).isEqualTo(todaysShape());
    }

    /** The document class the store used before (its {@code _class} is in stored complaints). */
    @org.springframework.data.mongodb.core.mapping.Document("complaints")
    record FormerDocument(@Id String id, String trackingNumber, String naturalKey, String fingerprint, ComplaintDraft draft,
            Instant receivedAt, Progress progress, List<Document> outbox, Publication publication) {
    }

    private static Complaint expected() {
        MonitorTrigger monitor = new MonitorTrigger("LY0001", "S-7", "f-1", FaultKind.EXCEEDANCE, "hourly-average", "a34004",
                75.0, T0.minusSeconds(3600), T0, List.of(new WindowAverage(T0.minusSeconds(3600), T0, 80.5, 91.0, 60)), T0);
        ComplaintDraft draft = new ComplaintDraft("web", "T-1", Channel.WEB, "AIR", "dust", "grey dust over the road",
                new GeoPoint(112.45, 34.62, GeoPoint.Datum.WGS84), "涧西区 south gate", T0.minusSeconds(600), true,
                List.of(new MediaRef("https://media/1.jpg", "image/jpeg", 2048)),
                new ReporterContact(false, "sealed-bytes", "138****1234", PhoneKind.MOBILE), true, monitor);
        Progress progress = new Progress(PublicStatus.DISPATCHED, T0.plusSeconds(60), "C-1", "HJJ", null,
                List.of(new StatusChange("e-1", PublicStatus.RECEIVED, T0, null, null, null, null),
                        new StatusChange("e-5", PublicStatus.DISPATCHED, T0.plusSeconds(60), "C-1", "HJJ", null, "洛阳市")), 1);
        return new Complaint("c-1", "LY2611280001", "web:T-1", "fp-1", draft, T0, progress, List.of(),
                new Publication(true, false, true, "officer-1", T0.plusSeconds(300)), null);
    }

    /** A complaint as the store wrote it before it mapped fields itself. */
    private static Document todaysShape() {
        Document monitor = new Document("mn", "LY0001").append("sourceId", "S-7").append("faultEventId", "f-1")
                .append("kind", "EXCEEDANCE").append("rule", "hourly-average").append("factor", "a34004").append("limit", 75.0)
                .append("windowStart", date(T0.minusSeconds(3600))).append("windowEnd", date(T0))
                .append("windows", List.of(new Document("start", date(T0.minusSeconds(3600))).append("end", date(T0))
                        .append("average", 80.5).append("max", 91.0).append("count", 60L)))
                .append("lastReadingAt", date(T0));
        Document draft = new Document("sourceSystem", "web").append("externalTicketId", "T-1").append("channel", "WEB")
                .append("category", "AIR").append("subType", "dust").append("description", "grey dust over the road")
                .append("location", new Document("longitude", 112.45).append("latitude", 34.62).append("datum", "WGS84"))
                .append("addressText", "涧西区 south gate").append("observedAt", date(T0.minusSeconds(600)))
                .append("happeningNow", true)
                .append("media", List.of(new Document("url", "https://media/1.jpg").append("mediaType", "image/jpeg")
                        .append("sizeBytes", 2048L)))
                .append("reporter", new Document("anonymous", false).append("sealedPhone", "sealed-bytes")
                        .append("maskedPhone", "138****1234").append("phoneKind", "MOBILE"))
                .append("rewardRequested", true).append("monitor", monitor);
        Document progress = new Document("status", "DISPATCHED").append("since", date(T0.plusSeconds(60))).append("caseId", "C-1")
                .append("department", "HJJ")
                .append("history", List.of(
                        new Document("eventId", "e-1").append("status", "RECEIVED").append("occurredAt", date(T0)),
                        new Document("eventId", "e-5").append("status", "DISPATCHED").append("occurredAt", date(T0.plusSeconds(60)))
                                .append("caseId", "C-1").append("department", "HJJ").append("seat", "洛阳市")))
                .append("version", 1);
        return new Document("_id", "c-1").append("trackingNumber", "LY2611280001").append("naturalKey", "web:T-1")
                .append("fingerprint", "fp-1").append("draft", draft).append("receivedAt", date(T0)).append("progress", progress)
                .append("outbox", List.of())
                .append("publication", new Document("description", true).append("address", false).append("media", true)
                        .append("releasedBy", "officer-1").append("decidedAt", date(T0.plusSeconds(300))))
                .append("_class", FormerDocument.class.getName());
    }

    private static Date date(Instant at) {
        return Date.from(at);
    }
}

package cn.luoyang.pollution.complaint.intake.persistence;

import static cn.luoyang.pollution.kit.persistence.Fields.bool;
import static cn.luoyang.pollution.kit.persistence.Fields.compact;
import static cn.luoyang.pollution.kit.persistence.Fields.date;
import static cn.luoyang.pollution.kit.persistence.Fields.doubleOf;
import static cn.luoyang.pollution.kit.persistence.Fields.doubleOrNull;
import static cn.luoyang.pollution.kit.persistence.Fields.embed;
import static cn.luoyang.pollution.kit.persistence.Fields.embedAll;
import static cn.luoyang.pollution.kit.persistence.Fields.embedded;
import static cn.luoyang.pollution.kit.persistence.Fields.embeddedAll;
import static cn.luoyang.pollution.kit.persistence.Fields.enumOf;
import static cn.luoyang.pollution.kit.persistence.Fields.instant;
import static cn.luoyang.pollution.kit.persistence.Fields.intOf;
import static cn.luoyang.pollution.kit.persistence.Fields.longOf;
import static cn.luoyang.pollution.kit.persistence.Fields.name;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.complaint.publication.Publication;
import cn.luoyang.pollution.complaint.tracking.Progress;
import cn.luoyang.pollution.complaint.tracking.PublicStatus;
import cn.luoyang.pollution.complaint.tracking.StatusChange;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.contracts.complaint.MonitorTrigger;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.persistence.Fields;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A complaint as a document of {@code complaints} and back, field by field: {@code _id},
 * {@code trackingNumber}, {@code naturalKey}, {@code fingerprint}, {@code draft} (the report, the
 * reporter's phone sealed), {@code receivedAt}, {@code progress} (with its {@code version}),
 * {@code outbox} (the kit's), {@code publication} (absent until an officer releases anything) and
 * {@code claimCodeHash} (only for a reporter given a claim code at filing: the code's hash, never the code).
 * Notes and the public rating are written by their own updates and are not part of the complaint.
 */
final class ComplaintDocuments {

    static final String PROGRESS = "progress";
    /** The fields of a progress that a change rewrites; its {@code version} is raised by the kit's {@code Versions}. */
    private static final List<String> PROGRESS_FIELDS = List.of("status", "since", "caseId", "department", "reply", "history");

    private final Outbox outbox;

    ComplaintDocuments(Outbox outbox) {
        this.outbox = outbox;
    }

    Document document(Complaint c) {
        return compact(new Document("_id", c.id())
                .append("trackingNumber", c.trackingNumber())
                .append("naturalKey", c.naturalKey())
                .append("fingerprint", c.fingerprint())
                .append("draft", draft(c.draft()))
                .append("receivedAt", date(c.receivedAt()))
                .append(PROGRESS, progress(c.progress()))
                .append(Outbox.FIELD, outbox.documents(c.outbox()))
                .append("publication", c.publication() == Publication.NONE ? null : publication(c.publication()))
                .append("claimCodeHash", c.claimCodeHash()));
    }

    Complaint complaint(Document d) {
        List<Document> entries = d.getList(Outbox.FIELD, Document.class, List.of());
        return new Complaint(d.getString("_id"), d.getString("trackingNumber"), d.getString("naturalKey"),
                d.getString("fingerprint"), embedded(d, "draft", ComplaintDocuments::draft), instant(d, "receivedAt"),
                embedded(d, PROGRESS, ComplaintDocuments::progress), entries.stream().map(outbox::entry).toList(),
                embedded(d, "publication", ComplaintDocuments::publication), d.getString("claimCodeHash"));
    }

    /** The update that rewrites a stored progress with {@code next}'s fields (a field now empty is removed). */
    static Update progressChange(Progress next) {
        Document fields = progress(next);
        Update update = new Update();
        for (String field : PROGRESS_FIELDS) {
            if (fields.containsKey(field)) {
                update.set(PROGRESS + "." + field, fields.get(field));
            } else {
                update.unset(PROGRESS + "." + field);
            }
        }
        return update;
    }

    static Document draft(ComplaintDraft d) {
        return compact(new Document("sourceSystem", d.sourceSystem())
                .append("externalTicketId", d.externalTicketId())
                .append("channel", name(d.channel()))
                .append("category", d.category())
                .append("subType", d.subType())
                .append("description", d.description())
                .append("location", embed(d.location(), Fields::geoPoint))
                .append("addressText", d.addressText())
                .append("observedAt", date(d.observedAt()))
                .append("happeningNow", d.happeningNow())
                .append("media", embedAll(d.media(), m -> new Document("url", m.url()).append("mediaType", m.mediaType())
                        .append("sizeBytes", m.sizeBytes())))
                .append("reporter", embed(d.reporter(), r -> compact(new Document("anonymous", r.anonymous())
                        .append("sealedPhone", r.sealedPhone()).append("maskedPhone", r.maskedPhone())
                        .append("phoneKind", name(r.phoneKind())))))
                .append("rewardRequested", d.rewardRequested())
                .append("monitor", embed(d.monitor(), ComplaintDocuments::monitor)));
    }

    static ComplaintDraft draft(Document d) {
        return new ComplaintDraft(d.getString("sourceSystem"), d.getString("externalTicketId"), enumOf(Channel.class, d, "channel"),
                d.getString("category"), d.getString("subType"), d.getString("description"),
                embedded(d, "location", Fields::geoPoint), d.getString("addressText"), instant(d, "observedAt"),
                bool(d, "happeningNow"),
                embeddedAll(d, "media", m -> new MediaRef(m.getString("url"), m.getString("mediaType"), longOf(m, "sizeBytes"))),
                embedded(d, "reporter", r -> new ReporterContact(bool(r, "anonymous"), r.getString("sealedPhone"),
                        r.getString("maskedPhone"), enumOf(PhoneKind.class, r, "phoneKind"))),
                bool(d, "rewardRequested"), embedded(d, "monitor", ComplaintDocuments::monitor));
    }

    private static Document monitor(MonitorTrigger m) {
        return compact(new Document("mn", m.mn()).append("sourceId", m.sourceId()).append("faultEventId", m.faultEventId())
                .append("kind", name(m.kind())).append("rule", m.rule()).append("factor", m.factor()).append("limit", m.limit())
                .append("windowStart", date(m.windowStart())).append("windowEnd", date(m.windowEnd()))
                .append("windows", embedAll(m.windows(), w -> compact(new Document("start", date(w.start()))
                        .append("end", date(w.end())).append("average", w.average()).append("max", w.max())
                        .append("count", w.count()))))
                .append("lastReadingAt", date(m.lastReadingAt())));
    }

    private static MonitorTrigger monitor(Document d) {
        return new MonitorTrigger(d.getString("mn"), d.getString("sourceId"), d.getString("faultEventId"),
                enumOf(FaultKind.class, d, "kind"), d.getString("rule"), d.getString("factor"), doubleOrNull(d, "limit"),
                instant(d, "windowStart"), instant(d, "windowEnd"),
                embeddedAll(d, "windows", w -> new WindowAverage(instant(w, "start"), instant(w, "end"), doubleOf(w, "average"),
                        doubleOf(w, "max"), longOf(w, "count"))),
                instant(d, "lastReadingAt"));
    }

    static Document progress(Progress p) {
        return compact(new Document("status", name(p.status()))
                .append("since", date(p.since()))
                .append("caseId", p.caseId())
                .append("department", p.department())
                .append("reply", p.reply())
                .append("history", embedAll(p.history(), h -> compact(new Document("eventId", h.eventId())
                        .append("status", name(h.status())).append("occurredAt", date(h.occurredAt()))
                        .append("caseId", h.caseId()).append("department", h.department()).append("note", h.note())
                        .append("seat", h.seat()))))
                .append("version", p.version()));
    }

    static Progress progress(Document d) {
        return new Progress(enumOf(PublicStatus.class, d, "status"), instant(d, "since"), d.getString("caseId"),
                d.getString("department"), d.getString("reply"),
                embeddedAll(d, "history", h -> new StatusChange(h.getString("eventId"), enumOf(PublicStatus.class, h, "status"),
                        instant(h, "occurredAt"), h.getString("caseId"), h.getString("department"), h.getString("note"),
                        h.getString("seat"))),
                intOf(d, "version"));
    }

    static Document publication(Publication p) {
        return compact(new Document("description", p.description()).append("address", p.address()).append("media", p.media())
                .append("releasedBy", p.releasedBy()).append("decidedAt", date(p.decidedAt())));
    }

    private static Publication publication(Document d) {
        return new Publication(bool(d, "description"), bool(d, "address"), bool(d, "media"), d.getString("releasedBy"),
                instant(d, "decidedAt"));
    }
}

package cn.luoyang.pollution.complaint.open311.web;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.PhoneRedaction;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.open311.PublicProjection;
import cn.luoyang.pollution.complaint.open311.RequestFilter;
import cn.luoyang.pollution.complaint.tracking.Progress;
import cn.luoyang.pollution.complaint.tracking.PublicStatus;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Finds complaints for Open311 and shows each as a GeoReport service request: no reporter data, ever,
 * and of the report's own words and place only its {@link PublicProjection} (what an officer released,
 * phone numbers masked, the position as its 0.01° cell).
 */
final class Open311Requests {

    private static final DateTimeFormatter W3 = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Asia/Shanghai"));

    private final MongoComplaints complaints;
    private final Catalogue catalogue;
    private final int maxResults;

    Open311Requests(MongoComplaints complaints, Catalogue catalogue, int maxResults) {
        this.complaints = complaints;
        this.catalogue = catalogue;
        this.maxResults = maxResults;
    }

    List<Complaint> find(RequestFilter filter) {
        Criteria c;
        if (!filter.ids().isEmpty()) {
            c = where("trackingNumber").in(filter.ids());
        } else {
            c = where("receivedAt").gte(filter.start()).lte(filter.end());
            if (!filter.serviceCodes().isEmpty()) {
                c = c.and("draft.category").in(filter.serviceCodes());
            }
            if (filter.statuses().size() == 1) {
                c = filter.statuses().contains("closed")
                        ? c.and("progress.status").is(PublicStatus.CLOSED.name())
                        : c.and("progress.status").ne(PublicStatus.CLOSED.name());
            }
        }
        return complaints.find(new Query(c).with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(maxResults));
    }

    Open311Dtos.Request view(Complaint complaint, String baseUrl) {
        Progress p = complaint.progress();
        var draft = complaint.draft();
        PublicProjection shown = PublicProjection.of(complaint);
        // a handler's reply may name a phone number: the public feed shows it masked
        String notes = p.status() == PublicStatus.CLOSED && p.reply() != null ? PhoneRedaction.mask(p.reply())
                : p.status().zh() + " " + p.status().en();
        return new Open311Dtos.Request(complaint.trackingNumber(), p.status().isOpen() ? "open" : "closed", notes,
                catalogue.category(draft.category()).map(Open311Catalogue::serviceName).orElse(draft.category()),
                draft.category(), shown.description(),
                catalogue.department(p.department()).map(d -> d.nameZh() + " " + d.nameEn()).orElse(null), null,
                time(complaint.receivedAt()), time(p.since()), null, shown.address(), null, null,
                shown.latitude(), shown.longitude(), mediaUrl(shown.media(), baseUrl));
    }

    private static String mediaUrl(List<MediaRef> media, String baseUrl) {
        if (media.isEmpty()) {
            return null;
        }
        String url = media.get(0).url();
        return url.startsWith("gridfs:") ? baseUrl + "/api/media/" + url.substring("gridfs:".length()) : url;
    }

    private static String time(Instant at) {
        return at == null ? null : W3.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}

package cn.luoyang.pollution.enforcement;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.contracts.complaint.SealedContact;
import java.time.Instant;
import java.util.List;

/** Object mother for what complaint-service publishes on {@code complaints.registered}. */
public final class Registrations {

    /** The sealed form a test can look for: it must never reach this service's store or pages. */
    public static final String SEALED = "SEALED-CONTACT-BASE64";
    public static final String MASKED_CONTACT = "139****2222";

    public static ComplaintRegistered of(String complaintId, String description, String address, Instant registeredAt,
            MediaRef... media) {
        return new ComplaintRegistered("ev-reg-" + complaintId, complaintId, "LY-" + complaintId, "WECHAT-MINI", "ext-" + complaintId,
                Channel.WECHAT, "AIR_CONSTRUCTION_DUST", null, description, new GeoPoint(112.39, 34.66, GeoPoint.Datum.WGS84),
                address, registeredAt.minusSeconds(1800), true, List.of(media),
                new SealedContact(false, SEALED, MASKED_CONTACT, "MOBILE"), false, registeredAt, ComplaintRegistered.VERSION);
    }

    /** A registration whose reporter asked for a reward (有奖举报). */
    public static ComplaintRegistered askingReward(String complaintId, Instant registeredAt) {
        ComplaintRegistered r = of(complaintId, "工地裸土未覆盖", "天津路", registeredAt);
        return new ComplaintRegistered(r.eventId(), r.complaintId(), r.trackingNumber(), r.sourceSystem(), r.externalTicketId(),
                r.channel(), r.category(), r.subType(), r.description(), r.location(), r.addressText(), r.observedAt(),
                r.happeningNow(), r.media(), r.reporter(), true, r.occurredAt(), r.schemaVersion());
    }

    /**
     * A reporter who asked for a reward and left no phone: complaint-service answered the filing with a claim code
     * and sends only its hash.
     */
    public static ComplaintRegistered anonymousAskingReward(String complaintId, Instant registeredAt, String claimCodeHash) {
        ComplaintRegistered r = of(complaintId, "工地裸土未覆盖", "天津路", registeredAt);
        return new ComplaintRegistered(r.eventId(), r.complaintId(), r.trackingNumber(), "web", r.externalTicketId(),
                Channel.WEB, r.category(), r.subType(), r.description(), r.location(), r.addressText(), r.observedAt(),
                r.happeningNow(), r.media(), SealedContact.anonymousReporter(), true, null, claimCodeHash, r.occurredAt(),
                r.schemaVersion());
    }

    private Registrations() {
    }
}

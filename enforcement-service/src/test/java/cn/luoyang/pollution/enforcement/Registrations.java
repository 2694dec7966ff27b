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

    private Registrations() {
    }
}

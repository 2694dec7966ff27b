package cn.luoyang.pollution.systemtests.load;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.ComplaintSubmitted;
import cn.luoyang.pollution.contracts.complaint.SealedContact;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import cn.luoyang.pollution.systemtests.harness.Hotline;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One citizen's report as the generator makes it, before it is sent over HTTP or Kafka. */
public record Report(String sourceSystem, String externalTicketId, Channel channel, String category,
                     String description, double longitude, double latitude, String addressText,
                     Instant observedAt, String phone) {

    /** The ticket as the hotline publishes it on Kafka. */
    public String ticketKey() {
        return Ledger.ticket(sourceSystem, externalTicketId);
    }

    /** The ticket as complaint-service keeps it when filed over its JSON API, which puts what a caller names under {@code web:}. */
    public String httpTicketKey() {
        return Ledger.ticket("web:" + sourceSystem, externalTicketId);
    }

    /** The native HTTP body of complaint-service ({@code POST /api/complaints}). */
    public Map<String, Object> httpBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category);
        body.put("description", description);
        body.put("location", Map.of("latitude", latitude, "longitude", longitude, "datum", "GCJ02"));
        body.put("addressText", addressText);
        body.put("observedAt", observedAt.atOffset(ZoneOffset.ofHours(8)).toString());
        body.put("happeningNow", true);
        body.put("reporter", Map.of("anonymous", false, "phone", phone));
        body.put("channel", channel.name());
        body.put("sourceSystem", sourceSystem);
        body.put("externalTicketId", externalTicketId);
        return body;
    }

    /** The record a hotline publishes on {@code complaints.submitted}, the phone sealed with the public key. */
    public ComplaintSubmitted event(Hotline hotline, Instant now) {
        return event(hotline.seal(phone), now);
    }

    /** The same record with the phone already sealed (the load generator seals before its clock starts). */
    public ComplaintSubmitted event(String sealedPhone, Instant now) {
        SealedContact contact = new SealedContact(false, sealedPhone, mask(phone));
        return new ComplaintSubmitted(UUID.randomUUID().toString(), sourceSystem, externalTicketId, channel, category,
                null, description, new GeoPoint(longitude, latitude, GeoPoint.Datum.GCJ02), addressText, observedAt,
                true, List.of(), contact, false, now, ComplaintSubmitted.VERSION);
    }

    static String mask(String phone) {
        return PhoneNumbers.mask(phone);
    }
}

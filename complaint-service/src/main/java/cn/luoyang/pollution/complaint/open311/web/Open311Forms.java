package cn.luoyang.pollution.complaint.open311.web;

import cn.luoyang.pollution.complaint.confidentiality.ReporterContacts;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.complaint.intake.SourceSystems;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * An Open311 form post as a {@link ComplaintDraft}: location from lat/long (WGS-84 unless
 * {@code attribute[datum]=GCJ02}), address_string or address_id; the richer fields from the
 * service's attributes; a phone sealed at once; name and e-mail dropped.
 */
final class Open311Forms {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");

    private final Open311Catalogue catalogue;
    private final ReporterContacts contacts;

    Open311Forms(Open311Catalogue catalogue, ReporterContacts contacts) {
        this.catalogue = catalogue;
        this.contacts = contacts;
    }

    ComplaintDraft draft(MultiValueMap<String, String> form, String client, String idempotencyKey) {
        String serviceCode = form.getFirst("service_code");
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new Open311Exception(400, "service_code was not provided");
        }
        if (catalogue.definition(serviceCode).isEmpty()) {
            throw new Open311Exception(404, "service_code " + serviceCode + " was not found");
        }
        Map<String, String> attributes = attributes(form);
        GeoPoint location = location(form.getFirst("lat"), form.getFirst("long"), attributes.get(Open311Catalogue.DATUM));
        String address = blankToNull(form.getFirst("address_string"));
        String addressId = blankToNull(form.getFirst("address_id"));
        if (location == null && address == null && addressId == null) {
            throw new Open311Exception(400, "a location is required: lat & long, address_string or address_id");
        }
        if (address == null && addressId != null) {
            address = "address_id " + addressId;
        }
        String mediaUrl = blankToNull(form.getFirst("media_url"));
        List<MediaRef> media = mediaUrl == null ? List.of() : List.of(new MediaRef(mediaUrl, mediaTypeOf(mediaUrl), 0));
        return new ComplaintDraft(SourceSystems.open311(client),
                idempotencyKey != null ? idempotencyKey : "o311-" + UUID.randomUUID(), Channel.OPEN311, serviceCode,
                attributes.get(Open311Catalogue.SUB_TYPE), form.getFirst("description"), location, address,
                instant(attributes.get(Open311Catalogue.OBSERVED_AT)), "true".equals(attributes.get(Open311Catalogue.HAPPENING_NOW)),
                media, reporter(form.getFirst("phone")), "true".equals(attributes.get(Open311Catalogue.REWARD_REQUESTED)));
    }

    private Map<String, String> attributes(MultiValueMap<String, String> form) {
        LinkedHashMap<String, String> found = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            Matcher m = ATTRIBUTE.matcher(name);
            if (m.matches()) {
                if (!catalogue.defines(m.group(1))) {
                    throw new Open311Exception(400, "attribute[" + m.group(1) + "] is not defined; see GET services/{service_code}");
                }
                found.put(m.group(1), values.isEmpty() ? null : values.get(0));
            }
        });
        return found;
    }

    private static GeoPoint location(String lat, String lon, String datum) {
        if (blankToNull(lat) == null && blankToNull(lon) == null) {
            return null;
        }
        if (blankToNull(lat) == null || blankToNull(lon) == null) {
            throw new Open311Exception(400, "lat and long must both be sent");
        }
        GeoPoint.Datum d;
        try {
            d = datum == null ? GeoPoint.Datum.WGS84 : GeoPoint.Datum.valueOf(datum);
        } catch (IllegalArgumentException e) {
            throw new Open311Exception(400, "attribute[datum] must be WGS84 or GCJ02");
        }
        try {
            return new GeoPoint(Double.parseDouble(lon.trim()), Double.parseDouble(lat.trim()), d);
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, "lat and long must be decimal degrees");
        }
    }

    private ReporterContact reporter(String phone) {
        if (blankToNull(phone) == null) {
            return ReporterContact.anonymousReporter();
        }
        return contacts.seal(phone);
    }

    private static Instant instant(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(400, "attribute[observed_at] must be ISO 8601 with an offset");
        }
    }

    private static String mediaTypeOf(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".webp")) {
            return "image/webp";
        }
        if (path.endsWith(".heic")) {
            return "image/heic";
        }
        if (path.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (path.endsWith(".mov")) {
            return "video/quicktime";
        }
        throw new Open311Exception(400, "media_url must end in .jpg, .jpeg, .png, .webp, .heic, .mp4 or .mov");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

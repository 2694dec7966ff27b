package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The intake rules every channel shares (受理条件). Each rule adds a field-level message a person
 * can act on; all broken rules are reported at once, so a hotline operator fixes a form in one go.
 * Malformed bytes, operator keys and size limits are checked earlier, where the raw text is read.
 */
public final class ComplaintRules {

    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_SUB_TYPE = 100;
    /** Devices' clocks drift; a report "observed" a little in the future is still believable. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern SOURCE_SYSTEM = Pattern.compile("((web|open311):)?[A-Za-z0-9_.-]{1,64}");
    private static final Pattern TICKET_ID = Pattern.compile("[A-Za-z0-9_.:/-]{1,128}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    /**
     * A sealed number is Tink HPKE output: a 5-byte key prefix starting 0x01, the 32-byte X25519
     * encapsulated key, at least one byte of the number (a mobile's 11 digits, or a short unparsed text
     * kept as given) and a 16-byte tag. Anything shorter is not sealed, however base64-like it looks: a
     * plain "13812341234" must never be stored as if it were.
     */
    private static final int MIN_SEALED_BYTES = 5 + 32 + 1 + 16;
    private static final byte TINK_PREFIX = 0x01;

    private final Catalogue catalogue;
    private final CityArea cityArea;
    private final MediaLimits mediaLimits;
    private final Clock clock;

    public ComplaintRules(Catalogue catalogue, CityArea cityArea, MediaLimits mediaLimits, Clock clock) {
        this.catalogue = catalogue;
        this.cityArea = cityArea;
        this.mediaLimits = mediaLimits;
        this.clock = clock;
    }

    /** Every broken rule, in the order of the form; empty when the report may be accepted. */
    public List<FieldError> violations(ComplaintDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        identity(draft, errors);
        content(draft, errors);
        place(draft, errors);
        media(draft.media(), errors);
        reporter(draft.reporter(), errors);
        return errors;
    }

    public CityArea cityArea() {
        return cityArea;
    }

    public MediaLimits mediaLimits() {
        return mediaLimits;
    }

    private void identity(ComplaintDraft d, List<FieldError> errors) {
        if (blank(d.sourceSystem())) {
            errors.add(new FieldError("sourceSystem", "is required"));
        } else if (!SOURCE_SYSTEM.matcher(d.sourceSystem()).matches()) {
            errors.add(new FieldError("sourceSystem", "must be 1-64 letters, digits or _ . -"));
        }
        if (blank(d.externalTicketId())) {
            errors.add(new FieldError("externalTicketId", "is required"));
        } else if (!TICKET_ID.matcher(d.externalTicketId()).matches()) {
            errors.add(new FieldError("externalTicketId", "must be 1-128 letters, digits or _ . : / -"));
        }
        if (d.channel() == null) {
            errors.add(new FieldError("channel", "is required"));
        } else if ((d.channel() == Channel.ONLINE_MONITORING) != (d.monitor() != null)) {
            // only the fault consumer files for a monitor; a person's report never claims to be one
            errors.add(new FieldError("channel", d.monitor() == null
                    ? "ONLINE_MONITORING is filed by the platform's monitors, not by a person"
                    : "a monitor's complaint has channel ONLINE_MONITORING"));
        }
    }

    private void content(ComplaintDraft d, List<FieldError> errors) {
        if (blank(d.category())) {
            errors.add(new FieldError("category", "is required"));
        } else if (catalogue.category(d.category()).isEmpty()) {
            errors.add(new FieldError("category", "unknown category '" + d.category() + "'; see GET /open311/v2/services.json"));
        }
        if (d.subType() != null && d.subType().length() > MAX_SUB_TYPE) {
            errors.add(new FieldError("subType", "must be at most " + MAX_SUB_TYPE + " characters"));
        }
        if (blank(d.description())) {
            errors.add(new FieldError("description", "is required"));
        } else if (d.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters (was " + d.description().length() + ")"));
        } else if (CONTROL.matcher(d.description()).find()) {
            errors.add(new FieldError("description", "must not contain control characters"));
        }
        if (d.observedAt() != null && d.observedAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.add(new FieldError("observedAt", "must not be in the future"));
        }
    }

    private void place(ComplaintDraft d, List<FieldError> errors) {
        // neither coordinates nor an address is no reason to refuse: the place is then in the
        // reporter's words (a hotline operator's prose), where dispatch looks for it
        if (d.addressText() != null && d.addressText().length() > MAX_ADDRESS) {
            errors.add(new FieldError("addressText", "must be at most " + MAX_ADDRESS + " characters"));
        } else if (d.addressText() != null && CONTROL.matcher(d.addressText()).find()) {
            errors.add(new FieldError("addressText", "must not contain control characters"));
        }
        GeoPoint p = d.location();
        if (p == null) {
            return;
        }
        boolean ranges = true;
        if (!(p.latitude() >= -90 && p.latitude() <= 90)) {
            errors.add(new FieldError("location.latitude", "must be between -90 and 90"));
            ranges = false;
        }
        if (!(p.longitude() >= -180 && p.longitude() <= 180)) {
            errors.add(new FieldError("location.longitude", "must be between -180 and 180"));
            ranges = false;
        }
        if (p.datum() == null) {
            errors.add(new FieldError("location.datum", "is required: WGS84 (GPS) or GCJ02 (Chinese map apps)"));
        }
        if (ranges && !cityArea.contains(p)) {
            errors.add(new FieldError("location", "(" + p.longitude() + ", " + p.latitude() + ") is outside " + cityArea.name()
                    + " (longitude " + cityArea.minLongitude() + "-" + cityArea.maxLongitude()
                    + ", latitude " + cityArea.minLatitude() + "-" + cityArea.maxLatitude() + ")"));
        }
    }

    private void media(List<MediaRef> media, List<FieldError> errors) {
        if (media.size() > mediaLimits.maxItems()) {
            errors.add(new FieldError("media", "at most " + mediaLimits.maxItems() + " items"));
            return;
        }
        for (int i = 0; i < media.size(); i++) {
            MediaRef m = media.get(i);
            String at = "media[" + i + "]";
            if (m == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (blank(m.url())) {
                errors.add(new FieldError(at + ".url", "is required"));
            } else if (!(m.url().startsWith("https://") || m.url().startsWith("http://") || m.url().startsWith("gridfs:"))
                    || m.url().length() > 2000) {
                errors.add(new FieldError(at + ".url", "must be an http(s) URL or gridfs:<id> of an upload"));
            }
            if (!mediaLimits.allows(m.mediaType())) {
                errors.add(new FieldError(at + ".mediaType", "must be one of " + sorted(mediaLimits)));
            } else if (m.sizeBytes() < 0) {
                // 0 means unknown: a URL whose size the reporter's app did not give
                errors.add(new FieldError(at + ".sizeBytes", "must not be negative"));
            } else if (m.sizeBytes() > mediaLimits.maxBytesFor(m.mediaType())) {
                errors.add(new FieldError(at + ".sizeBytes", "must be at most " + mediaLimits.maxBytesFor(m.mediaType()) + " bytes for " + m.mediaType()));
            }
        }
    }

    private static void reporter(ReporterContact r, List<FieldError> errors) {
        if (r == null) {
            errors.add(new FieldError("reporter", "is required: a phone number, or anonymous: true"));
            return;
        }
        if (r.anonymous()) {
            if (r.sealedPhone() != null || r.maskedPhone() != null) {
                errors.add(new FieldError("reporter", "an anonymous report carries no phone number"));
            }
            return;
        }
        if (blank(r.sealedPhone())) {
            errors.add(new FieldError("reporter.sealedPhone", "is required unless anonymous (seal with GET /api/reporter-contact-key)"));
        } else if (r.sealedPhone().length() > 4096 || !BASE64.matcher(r.sealedPhone()).matches()) {
            errors.add(new FieldError("reporter.sealedPhone", "must be the base64 text of the sealed number"));
        } else if (!looksSealed(r.sealedPhone())) {
            errors.add(new FieldError("reporter.sealedPhone",
                    "is not a sealed number: seal it with the key from GET /api/reporter-contact-key, never send it in plain text"));
        }
        if (!PhoneNumbers.isMasked(r.maskedPhone())) {
            errors.add(new FieldError("reporter.maskedPhone",
                    "must be a masked number: 138****1234, 0379-****1234, +44-****0958 or ****1234"));
        }
    }

    private static boolean looksSealed(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return bytes.length >= MIN_SEALED_BYTES && bytes[0] == TINK_PREFIX;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> sorted(MediaLimits limits) {
        List<String> all = new ArrayList<>(limits.imageTypes());
        all.addAll(limits.videoTypes());
        all.sort(String::compareTo);
        return all;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

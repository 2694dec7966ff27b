package cn.luoyang.pollution.complaint.open311.web;

import cn.luoyang.pollution.complaint.confidentiality.ReporterContacts;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.IntakeService;
import cn.luoyang.pollution.complaint.intake.InvalidComplaintException;
import cn.luoyang.pollution.complaint.intake.Registration;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.complaint.intake.TicketConflictException;
import cn.luoyang.pollution.complaint.open311.RequestFilter;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 under {@code /open311/v2}: the city's catalogue as services, reports in by
 * form post (an api_key per calling system), requests out with the spec's filters. Request ids are
 * tracking numbers. The reporter's name and e-mail are not kept; a phone is sealed at once.
 */
@Tag(name = "Open311 GeoReport v2")
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");
    private static final Map<String, String> FIELD_NAMES = Map.of(
            "location.latitude", "lat", "location.longitude", "long", "location", "lat/long",
            "addressText", "address_string", "category", "service_code", "subType", "attribute[sub_type]",
            "observedAt", "attribute[observed_at]", "location.datum", "attribute[datum]");

    private final IntakeService intake;
    private final ReporterContacts contacts;
    private final Open311Catalogue catalogue;
    private final Open311Requests requests;
    private final Map<String, String> apiKeys;
    private final String jurisdictionId;
    private final Clock clock;

    Open311Controller(IntakeService intake, ReporterContacts contacts, Open311Catalogue catalogue, Open311Requests requests,
                      Open311Settings settings, Clock clock) {
        this.intake = intake;
        this.contacts = contacts;
        this.catalogue = catalogue;
        this.requests = requests;
        this.apiKeys = Map.copyOf(settings.apiKeys());
        this.jurisdictionId = settings.jurisdictionId();
        this.clock = clock;
    }

    @Operation(summary = "Service list: the pollution catalogue")
    @GetMapping("/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format, @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Output.Format f = Open311Output.format(format);
        jurisdiction(jurisdiction);
        List<Open311Dtos.Service> services = catalogue.services();
        return Open311Output.write(200, f, services, new Open311Dtos.ServicesXml(services));
    }

    @Operation(summary = "Service definition: the attributes every pollution service takes")
    @GetMapping("/services/{code}.{format}")
    ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Output.Format f = Open311Output.format(format);
        jurisdiction(jurisdiction);
        Open311Dtos.ServiceDefinition definition = catalogue.definition(code)
                .orElseThrow(() -> new Open311Exception(404, "service_code " + code + " was not found"));
        return Open311Output.write(200, f, definition, definition);
    }

    @Operation(summary = "Create a service request (form-encoded, api_key required)")
    @PostMapping(path = "/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Open311Output.Format f = Open311Output.format(format);
        String client = client(form.getFirst("api_key"));
        jurisdiction(form.getFirst("jurisdiction_id"));
        ComplaintDraft draft = draft(form, client, idempotencyKey);
        Registration registration;
        try {
            registration = intake.register(draft);
        } catch (TicketConflictException e) {
            throw new Open311Exception(400, List.of(new Open311Dtos.Error(422, "Idempotency-Key was already used for a different request")));
        }
        List<Open311Dtos.Created> created = List.of(new Open311Dtos.Created(registration.complaint().trackingNumber(),
                "已受理, 可凭受理编号在 /track 查询进度。Received; look up progress with the request id at /track.", null));
        return Open311Output.write(200, f, created, new Open311Dtos.RequestsXml(created));
    }

    @Operation(summary = "Service requests, with the spec's filters (at most 90 days, 1000 requests)")
    @GetMapping("/requests.{format}")
    ResponseEntity<byte[]> list(@PathVariable String format, HttpServletRequest http,
                                @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
                                @RequestParam(name = "service_request_id", required = false) String ids,
                                @RequestParam(name = "service_code", required = false) String serviceCodes,
                                @RequestParam(name = "start_date", required = false) String start,
                                @RequestParam(name = "end_date", required = false) String end,
                                @RequestParam(required = false) String status) {
        Open311Output.Format f = Open311Output.format(format);
        jurisdiction(jurisdiction);
        RequestFilter filter;
        try {
            filter = RequestFilter.parse(ids, serviceCodes, start, end, status, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new Open311Exception(400, e.getMessage());
        }
        String base = baseUrl();
        List<Open311Dtos.Request> found = requests.find(filter).stream().map(c -> requests.view(c, base)).toList();
        return Open311Output.write(200, f, found, new Open311Dtos.RequestsXml(found));
    }

    @Operation(summary = "One service request by id (the tracking number)")
    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<byte[]> one(@PathVariable String id, @PathVariable String format,
                               @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Output.Format f = Open311Output.format(format);
        jurisdiction(jurisdiction);
        List<Open311Dtos.Request> found = requests.find(new RequestFilter(List.of(id), List.of(), null, null, java.util.Set.of()))
                .stream().map(c -> requests.view(c, baseUrl())).toList();
        if (found.isEmpty()) {
            throw new Open311Exception(404, "service_request_id " + id + " was not found");
        }
        return Open311Output.write(200, f, found, new Open311Dtos.RequestsXml(found));
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> failed(Open311Exception e, HttpServletRequest request) {
        return Open311Output.errors(e.status, formatOf(request), e.errors);
    }

    @ExceptionHandler(InvalidComplaintException.class)
    ResponseEntity<byte[]> invalid(InvalidComplaintException e, HttpServletRequest request) {
        List<Open311Dtos.Error> errors = e.errors().stream()
                .map(err -> new Open311Dtos.Error(400, open311Name(err.field()) + ": " + err.message())).toList();
        return Open311Output.errors(400, formatOf(request), errors);
    }

    private ComplaintDraft draft(MultiValueMap<String, String> form, String client, String idempotencyKey) {
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
        return new ComplaintDraft("open311-" + client,
                idempotencyKey != null ? idempotencyKey : "o311-" + UUID.randomUUID(), Channel.OPEN311, serviceCode,
                attributes.get(Open311Catalogue.SUB_TYPE), form.getFirst("description"), location, address,
                instant(attributes.get(Open311Catalogue.OBSERVED_AT)), "true".equals(attributes.get(Open311Catalogue.HAPPENING_NOW)),
                media, reporter(form.getFirst("phone")), "true".equals(attributes.get(Open311Catalogue.REWARD_REQUESTED)));
    }

    private Map<String, String> attributes(MultiValueMap<String, String> form) {
        java.util.LinkedHashMap<String, String> found = new java.util.LinkedHashMap<>();
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
        if (!PhoneNumbers.isMainlandMobile(phone)) {
            throw new Open311Exception(400, "phone must be a mainland China mobile number: 11 digits starting 13-19");
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

    private String client(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new Open311Exception(403, "api_key is missing -- can't proceed with create_request");
        }
        return apiKeys.entrySet().stream()
                .filter(e -> java.security.MessageDigest.isEqual(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        apiKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new Open311Exception(403, "Invalid api_key received -- can't proceed with create_request"));
    }

    private void jurisdiction(String given) {
        if (given != null && !given.isBlank() && !given.equals(jurisdictionId)) {
            throw new Open311Exception(404, "jurisdiction_id " + given + " was not found; this endpoint serves " + jurisdictionId);
        }
    }

    private static String open311Name(String field) {
        if (field.startsWith("media[")) {
            return "media_url";
        }
        if (field.startsWith("reporter")) {
            return "phone";
        }
        return FIELD_NAMES.getOrDefault(field, field);
    }

    private static Open311Output.Format formatOf(HttpServletRequest request) {
        return request.getRequestURI().endsWith(".xml") ? Open311Output.Format.xml : Open311Output.Format.json;
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

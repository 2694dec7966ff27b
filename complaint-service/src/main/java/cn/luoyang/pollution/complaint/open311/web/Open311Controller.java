package cn.luoyang.pollution.complaint.open311.web;

import cn.luoyang.pollution.complaint.confidentiality.ReporterContacts;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.IntakeService;
import cn.luoyang.pollution.complaint.intake.InvalidComplaintException;
import cn.luoyang.pollution.complaint.intake.Registration;
import cn.luoyang.pollution.complaint.intake.TicketConflictException;
import cn.luoyang.pollution.complaint.open311.RequestFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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

    private static final Map<String, String> FIELD_NAMES = Map.of(
            "location.latitude", "lat", "location.longitude", "long", "location", "lat/long",
            "addressText", "address_string", "category", "service_code", "subType", "attribute[sub_type]",
            "observedAt", "attribute[observed_at]", "location.datum", "attribute[datum]");

    private final IntakeService intake;
    private final Open311Catalogue catalogue;
    private final Open311Requests requests;
    private final Open311Forms forms;
    private final Open311Access access;
    private final Clock clock;

    Open311Controller(IntakeService intake, ReporterContacts contacts, Open311Catalogue catalogue, Open311Requests requests,
                      Open311Settings settings, Clock clock) {
        this.intake = intake;
        this.catalogue = catalogue;
        this.requests = requests;
        this.forms = new Open311Forms(catalogue, contacts);
        this.access = new Open311Access(settings);
        this.clock = clock;
    }

    @Operation(summary = "Service list: the pollution catalogue")
    @GetMapping("/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format, @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Output.Format f = Open311Output.format(format);
        access.jurisdiction(jurisdiction);
        List<Open311Dtos.Service> services = catalogue.services();
        return Open311Output.write(200, f, services, new Open311Dtos.ServicesXml(services));
    }

    @Operation(summary = "Service definition: the attributes every pollution service takes")
    @GetMapping("/services/{code}.{format}")
    ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Output.Format f = Open311Output.format(format);
        access.jurisdiction(jurisdiction);
        Open311Dtos.ServiceDefinition definition = catalogue.definition(code)
                .orElseThrow(() -> new Open311Exception(404, "service_code " + code + " was not found"));
        return Open311Output.write(200, f, definition, definition);
    }

    @Operation(summary = "Create a service request (form-encoded, api_key required)")
    @PostMapping(path = "/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Open311Output.Format f = Open311Output.format(format);
        String client = access.client(form.getFirst("api_key"));
        access.jurisdiction(form.getFirst("jurisdiction_id"));
        ComplaintDraft draft = forms.draft(form, client, idempotencyKey);
        Registration registration;
        try {
            registration = intake.file(draft, List.of());
        } catch (TicketConflictException e) {
            throw new Open311Exception(400, List.of(new Open311Dtos.Error(422, "Idempotency-Key was already used for a different request")));
        }
        List<Open311Dtos.Created> created = List.of(new Open311Dtos.Created(registration.complaint().trackingNumber(),
                notice(registration.claimCode()), null));
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
        access.jurisdiction(jurisdiction);
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
        access.jurisdiction(jurisdiction);
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

    /**
     * The spec's {@code service_notice}, which a client shows the filer: for a reporter who asked for a reward and
     * left no phone, with the claim code (领奖凭证), shown this once (a standard client would drop a field of our own).
     */
    static String notice(String claimCode) {
        String received = "已受理, 可凭受理编号在 /track 查询进度。Received; look up progress with the request id at /track.";
        if (claimCode == null) {
            return received;
        }
        return received + " 领奖码 " + claimCode + ": 请妥善保存, 仅显示这一次; 举报查实后凭受理编号和领奖码申领奖励。"
                + " Claim code " + claimCode + ": keep it, it is shown only now; once the report proves true, claim the"
                + " reward with the request id and this code.";
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

}

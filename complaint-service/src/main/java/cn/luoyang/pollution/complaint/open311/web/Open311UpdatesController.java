package cn.luoyang.pollution.complaint.open311.web;

import cn.luoyang.pollution.complaint.notes.FollowUps;
import cn.luoyang.pollution.complaint.open311.RequestFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The GeoReport v2 Service Request Updates extension, as FixMyStreet uses it: {@code GET
 * servicerequestupdates} lists what became of requests, {@code POST servicerequestupdates} takes a
 * reporter's follow-up from the calling system (api_key) and attaches it to the case as a reporter
 * note. The follow-up's name, e-mail and phone fields are dropped, never kept.
 */
@Tag(name = "Open311 GeoReport v2")
@RestController
@RequestMapping("/open311/v2")
class Open311UpdatesController {

    private static final Pattern UPDATE_ID = Pattern.compile("[A-Za-z0-9_.:/-]{1,128}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    private static final int MAX_TEXT = 4000;

    private final Open311Updates updates;
    private final FollowUps followUps;
    private final Open311Access access;
    private final Clock clock;

    Open311UpdatesController(Open311Updates updates, FollowUps followUps, Open311Settings settings, Clock clock) {
        this.updates = updates;
        this.followUps = followUps;
        this.access = new Open311Access(settings);
        this.clock = clock;
    }

    @Operation(summary = "Service request updates: every public status change between start_date and end_date (at most 90 days)")
    @GetMapping("/servicerequestupdates.{format}")
    ResponseEntity<byte[]> list(@PathVariable String format,
                                @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
                                @RequestParam(name = "start_date", required = false) String start,
                                @RequestParam(name = "end_date", required = false) String end) {
        Open311Output.Format f = Open311Output.format(format);
        access.jurisdiction(jurisdiction);
        RequestFilter window;
        try {
            window = RequestFilter.parse(null, null, start, end, null, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new Open311Exception(400, e.getMessage());
        }
        List<Open311Dtos.RequestUpdate> found = updates.between(window.start(), window.end());
        return Open311Output.write(200, f, found, new Open311Dtos.UpdatesXml(found));
    }

    @Operation(summary = "Post a reporter's follow-up to a service request (form-encoded, api_key required); kept once per update_id")
    @PostMapping(path = "/servicerequestupdates.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> followUp(@PathVariable String format, @RequestParam MultiValueMap<String, String> form) {
        Open311Output.Format f = Open311Output.format(format);
        String client = access.client(form.getFirst("api_key"));
        access.jurisdiction(form.getFirst("jurisdiction_id"));
        String requestId = required(form, "service_request_id");
        String updateId = required(form, "update_id");
        if (!UPDATE_ID.matcher(updateId).matches()) {
            throw new Open311Exception(400, "update_id must be 1-128 letters, digits or _.:/-");
        }
        String text = required(form, "description");
        if (text.length() > MAX_TEXT || CONTROL.matcher(text).find()) {
            throw new Open311Exception(400, "description must be at most " + MAX_TEXT + " characters, without control characters");
        }
        status(form.getFirst("status"));
        String id = followUps.attach(requestId, client, updateId, text, mediaUrl(form.getFirst("media_url")),
                        writtenAt(form.getFirst("updated_datetime")))
                .orElseThrow(() -> new Open311Exception(404, "service_request_id " + requestId + " was not found"));
        List<Open311Dtos.RequestUpdate> kept = List.of(Open311Dtos.RequestUpdate.keptAs(id));
        return Open311Output.write(200, f, kept, new Open311Dtos.UpdatesXml(kept));
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> failed(Open311Exception e, HttpServletRequest request) {
        Open311Output.Format f = request.getRequestURI().endsWith(".xml") ? Open311Output.Format.xml : Open311Output.Format.json;
        return Open311Output.errors(e.status, f, e.errors);
    }

    private static String required(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            throw new Open311Exception(400, name + " is required");
        }
        return value.strip();
    }

    /** A follow-up cannot close or reopen a case; the status FixMyStreet sends is checked, then left to the handler. */
    private static void status(String status) {
        if (status != null && !status.isBlank() && !List.of("OPEN", "CLOSED").contains(status.strip().toUpperCase(Locale.ROOT))) {
            throw new Open311Exception(400, "status must be OPEN or CLOSED");
        }
    }

    private static String mediaUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        if (!(u.startsWith("https://") || u.startsWith("http://")) || u.length() > 2000) {
            throw new Open311Exception(400, "media_url must be an http or https URL");
        }
        return u;
    }

    private static Instant writtenAt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(400, "updated_datetime must use the w3 format, e.g. 2010-01-01T00:00:00Z");
        }
    }
}

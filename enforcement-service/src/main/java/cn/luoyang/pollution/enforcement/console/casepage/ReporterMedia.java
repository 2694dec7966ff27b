package cn.luoyang.pollution.enforcement.console.casepage;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.officers.CaseAccess;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The reporters' photos and videos (举报照片) on the case page, passed through from complaint-service
 * ({@code console.complaint-media-base-url} + {@code /api/media/{id}}) to whoever may see the case, and
 * only for an upload that belongs to one of that case's complaints. The browser then loads them from
 * the console itself, so the page's Content-Security-Policy ({@code 'self'}) shows them as thumbnails
 * and a handler's browser never needs to reach complaint-service.
 */
@Controller
class ReporterMedia {

    private final CaseQueries queries;
    private final CaseAccounts accounts;
    private final RestClient complaints;

    ReporterMedia(CaseQueries queries, CaseAccounts accounts, RestClient.Builder builder,
            @Value("${console.complaint-media-base-url:http://127.0.0.1:8081}") String complaintService) {
        this.queries = queries;
        this.accounts = accounts;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(20));
        this.complaints = builder.clone().baseUrl(complaintService).requestFactory(timeouts).build();
    }

    @GetMapping("/console/cases/{caseId}/media/{uploadId}")
    ResponseEntity<byte[]> show(Officer officer, @PathVariable String caseId, @PathVariable String uploadId) {
        Case c = queries.get(officer, caseId); // 403 for whoever may not see the case
        if (!accounts.uploadsOf(c.complaintIds()).contains(uploadId)) {
            throw new CaseNotFound("no such photo on case " + caseId);
        }
        return passOn(uploadId);
    }

    /**
     * A photo of a complaint in the manual dispatch queue (no case yet): for the campaign office's page only
     * (the console's chain lets only oversight roles reach {@code /console/office/**}), and only an upload of
     * that complaint.
     */
    @GetMapping("/console/office/complaints/{complaintId}/media/{uploadId}")
    ResponseEntity<byte[]> showQueued(Officer officer, @PathVariable String complaintId, @PathVariable String uploadId) {
        CaseAccess.requireRole(officer, Role.CAMPAIGN_OFFICE, Role.SUPERVISOR, Role.DISCIPLINE, Role.ADMIN);
        if (!accounts.uploadsOf(List.of(complaintId)).contains(uploadId)) {
            throw new CaseNotFound("no such photo on complaint " + complaintId);
        }
        return passOn(uploadId);
    }

    private ResponseEntity<byte[]> passOn(String uploadId) {
        ResponseEntity<byte[]> upstream;
        try {
            upstream = complaints.get().uri("/api/media/{id}", uploadId).retrieve().toEntity(byte[].class);
        } catch (RestClientException e) {
            return ResponseEntity.status(502).build();
        }
        MediaType type = upstream.getHeaders().getContentType();
        if (type == null || !("image".equals(type.getType()) || "video".equals(type.getType()))) {
            return ResponseEntity.status(502).build();
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(uploadId + "." + type.getSubtype()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                // an upload never changes under its id; only this person's browser keeps it
                .cacheControl(CacheControl.maxAge(Duration.ofHours(8)).cachePrivate())
                .body(upstream.getBody());
    }
}

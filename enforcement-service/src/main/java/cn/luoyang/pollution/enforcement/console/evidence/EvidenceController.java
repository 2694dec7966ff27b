package cn.luoyang.pollution.enforcement.console.evidence;

import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.officers.Officer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Shows an uploaded photo or record to whoever may see its case (and to nobody else). */
@Controller
class EvidenceController {

    private final PhotoStore photos;
    private final CaseQueries queries;

    EvidenceController(PhotoStore photos, CaseQueries queries) {
        this.photos = photos;
        this.queries = queries;
    }

    @GetMapping("/console/evidence/{id}/**")
    ResponseEntity<byte[]> show(Officer officer, @PathVariable String id) {
        StoredPhoto photo = photos.find(id).orElseThrow(() -> new CaseNotFound("evidence " + id));
        queries.get(officer, photo.caseId());
        boolean image = photo.contentType().startsWith("image/");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(photo.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(photo.data());
    }
}

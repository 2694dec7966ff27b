package cn.luoyang.pollution.enforcement.console.evidence;

import cn.luoyang.pollution.enforcement.cases.application.CaseEvidence;
import cn.luoyang.pollution.enforcement.officers.Officer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Shows an uploaded photo, video or record to whoever may see its case (and to nobody else). */
@Controller
class EvidenceController {

    private final CaseEvidence evidence;

    EvidenceController(CaseEvidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/console/evidence/{id}/**")
    ResponseEntity<byte[]> show(Officer officer, @PathVariable String id) {
        CaseEvidence.Opened opened = evidence.open(officer, id);
        boolean inline = opened.file().picture() || opened.file().kind() == cn.luoyang.pollution.enforcement.cases.FileKind.MP4;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(opened.file().kind().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(opened.file().name(), StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; media-src 'self'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(opened.content());
    }
}

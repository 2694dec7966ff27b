package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.EvidenceFile;
import cn.luoyang.pollution.enforcement.cases.application.CaseEvidence;
import cn.luoyang.pollution.enforcement.officers.Officer;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 取证材料 of a case: upload one file (multipart field {@code file}; a JPEG, PNG, PDF or MP4 by its
 * bytes, whose name and declared type agree with them, at most {@code console.max-upload-bytes}),
 * list the case's files, read one. A closure request cites an upload by its {@code reference}.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/evidence")
class CaseEvidenceController {

    /** The file is shown or saved, nothing in it runs or loads. */
    static final String FILE_POLICY = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";

    private final CaseEvidence evidence;

    CaseEvidenceController(CaseEvidence evidence) {
        this.evidence = evidence;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Uploaded> upload(Officer officer, @PathVariable String caseId, @RequestPart("file") MultipartFile file)
            throws IOException {
        EvidenceFile stored = evidence.upload(officer, caseId, file.getOriginalFilename(), file.getContentType(), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(Uploaded.of(stored));
    }

    @GetMapping
    List<Uploaded> list(Officer officer, @PathVariable String caseId) {
        return evidence.of(officer, caseId).stream().map(Uploaded::of).toList();
    }

    @GetMapping("/{uploadId}")
    ResponseEntity<byte[]> read(Officer officer, @PathVariable String caseId, @PathVariable String uploadId) {
        CaseEvidence.Opened opened = evidence.open(officer, uploadId);
        if (!opened.file().caseId().equals(caseId)) {
            throw new CaseNotFound("evidence " + uploadId);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(opened.file().kind().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(opened.file().name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", FILE_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(opened.content());
    }

    /** An upload as the API answers it: {@code reference} is what a closure request cites. */
    record Uploaded(String id, String reference, String name, String kind, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt) {

        static Uploaded of(EvidenceFile f) {
            return new Uploaded(f.uploadId(), f.reference(), f.name(), f.kind().name(), f.kind().contentType(), f.size(), f.sha256(),
                    f.uploadedBy(), f.uploadedAt());
        }
    }
}

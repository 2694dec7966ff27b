package cn.luoyang.pollution.complaint.media.web;

import cn.luoyang.pollution.complaint.intake.InvalidComplaintException;
import cn.luoyang.pollution.complaint.media.MediaPolicy;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.kit.problems.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos and videos by upload, kept in GridFS (bucket {@code media}). The answer's {@code url}
 * ({@code gridfs:<id>}) goes into a report's {@code media} list.
 */
@RestController
class MediaController {

    private final GridFsTemplate store;
    private final MediaPolicy policy;

    MediaController(GridFsTemplate mediaStore, MediaPolicy policy) {
        this.store = mediaStore;
        this.policy = policy;
    }

    @Operation(summary = "Upload a photo or video", description = "multipart field 'file'; 201 with the media reference to put in a report")
    @PostMapping(path = "/api/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MediaRef> upload(@RequestPart("file") MultipartFile file) throws IOException {
        String type = file.getContentType() == null ? "application/octet-stream" : MediaType.parseMediaType(file.getContentType()).getType()
                + "/" + MediaType.parseMediaType(file.getContentType()).getSubtype();
        byte[] head;
        try (InputStream in = file.getInputStream()) {
            head = in.readNBytes(16);
        }
        List<FieldError> errors = policy.violations(type, file.getSize(), head);
        if (!errors.isEmpty()) {
            throw new InvalidComplaintException("media", errors);
        }
        ObjectId id;
        try (InputStream in = file.getInputStream()) {
            id = store.store(in, "upload", type);
        }
        MediaRef ref = new MediaRef("gridfs:" + id.toHexString(), type, file.getSize());
        return ResponseEntity.status(201).body(ref);
    }

    @Operation(summary = "Download an uploaded photo or video")
    @GetMapping("/api/media/{id}")
    ResponseEntity<?> download(@PathVariable String id) throws IOException {
        if (!ObjectId.isValid(id)) {
            return notFound();
        }
        var file = store.findOne(Query.query(Criteria.where("_id").is(new ObjectId(id))));
        if (file == null) {
            return notFound();
        }
        GridFsResource resource = store.getResource(file);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(resource.getContentType()))
                .contentLength(file.getLength()).body(new InputStreamResource(resource.getInputStream()));
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        return Problems.field(HttpStatus.NOT_FOUND, "not-found", "id", "no such media");
    }
}

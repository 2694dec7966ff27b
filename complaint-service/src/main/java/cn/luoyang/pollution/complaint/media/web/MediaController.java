package cn.luoyang.pollution.complaint.media.web;

import cn.luoyang.pollution.complaint.intake.InvalidComplaintException;
import cn.luoyang.pollution.complaint.media.MediaPolicy;
import cn.luoyang.pollution.complaint.media.PhotoScrubber;
import cn.luoyang.pollution.complaint.media.UnreadableMediaException;
import cn.luoyang.pollution.complaint.media.UploadIds;
import cn.luoyang.pollution.complaint.media.VideoScrubber;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.kit.problems.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * Photos and videos by upload, kept in GridFS (bucket {@code media}) under a public id that cannot be
 * guessed ({@link UploadIds}, in the file's metadata as {@code publicId}, unique index); the answer's
 * {@code url} ({@code gridfs:<public id>}) goes into a report's {@code media} list, and
 * {@code /api/media/{id}} serves by that id alone (the store's ObjectId is an unknown id like any other).
 * A photo is stored without its metadata ({@link PhotoScrubber}: no EXIF, GPS, XMP or comments; JPEG
 * and PNG re-encoded, WebP without those chunks); a photo type it cannot clean (HEIC) is refused; a
 * video is stored with its metadata boxes neutralised ({@link VideoScrubber}: copied to a temporary
 * file first, so that a 100 MiB video is never held in memory). An upload is served as a file that can
 * only be looked at: its own type and no sniffing, inline under a neutral name, a policy that lets it
 * run nothing, cached by the browser only.
 */
@RestController
class MediaController {

    private final GridFsTemplate store;
    /** The answer's own Content-Security-Policy: the file is shown, nothing in it runs or loads. */
    /** Where the public id is kept on a GridFS file (unique index {@code public_id}, MediaConfiguration). */
    static final String PUBLIC_ID = "metadata.publicId";
    static final String MEDIA_POLICY = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox";

    private final MediaPolicy policy;
    private final PhotoScrubber photos;
    private final VideoScrubber videos;

    MediaController(GridFsTemplate mediaStore, MediaPolicy policy, PhotoScrubber photos, VideoScrubber videos) {
        this.store = mediaStore;
        this.policy = policy;
        this.photos = photos;
        this.videos = videos;
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
        String id = UploadIds.next();
        long size;
        if (photos.handles(type)) {
            byte[] clean = withoutMetadata(type, file);
            store(new ByteArrayInputStream(clean), id, type);
            size = clean.length;
        } else if (videos.handles(type)) {
            size = storeVideo(file, id, type);
        } else {
            throw new InvalidComplaintException("media", List.of(new FieldError("file", type
                    + " files are not kept: their location data cannot be removed here; send the photo as JPEG or the video as MP4")));
        }
        MediaRef ref = new MediaRef("gridfs:" + id, type, size);
        return ResponseEntity.status(201).body(ref);
    }

    @Operation(summary = "Download an uploaded photo or video")
    @GetMapping("/api/media/{id}")
    ResponseEntity<?> download(@PathVariable String id) throws IOException {
        if (!UploadIds.wellFormed(id)) {
            return notFound();
        }
        var file = store.findOne(Query.query(Criteria.where(PUBLIC_ID).is(id)));
        if (file == null) {
            return notFound();
        }
        GridFsResource resource = store.getResource(file);
        MediaType type = MediaType.parseMediaType(resource.getContentType());
        return ResponseEntity.ok().contentType(type).contentLength(file.getLength())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(id + "." + type.getSubtype()).build().toString())
                .header("Content-Security-Policy", MEDIA_POLICY)
                .header("Cross-Origin-Resource-Policy", "same-origin")
                // an upload never changes under its id; a shared cache keeps no reporter's photo
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .body(new InputStreamResource(resource.getInputStream()));
    }

    private void store(InputStream content, String id, String type) {
        store.store(content, "upload", type, new Document("publicId", id));
    }

    private long storeVideo(MultipartFile file, String id, String type) throws IOException {
        Path copy = Files.createTempFile("upload-", ".video");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel video = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                videos.neutralise(type, video);
            } catch (UnreadableMediaException e) {
                throw new InvalidComplaintException("media", List.of(new FieldError("file", e.getMessage())));
            }
            try (InputStream in = Files.newInputStream(copy)) {
                store(in, id, type);
            }
            return Files.size(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private byte[] withoutMetadata(String type, MultipartFile file) throws IOException {
        try {
            return photos.withoutMetadata(type, file.getBytes());
        } catch (UnreadableMediaException e) {
            throw new InvalidComplaintException("media", List.of(new FieldError("file", e.getMessage())));
        }
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        return Problems.field(HttpStatus.NOT_FOUND, "not-found", "id", "no such media");
    }
}

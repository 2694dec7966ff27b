package cn.luoyang.pollution.enforcement.console.evidence;

import cn.luoyang.pollution.enforcement.cases.application.EvidenceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Keeps uploaded evidence in MongoDB ({@code console_evidence}, one document per file, below the
 * 16 MB document limit by the upload cap). Only photos and PDF records are taken, recognised by
 * their content ({@link FileKind}), not by name or declared type.
 */
@Component
public class PhotoStore implements EvidenceFiles {

    static final String COLLECTION = "console_evidence";
    private static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf");

    private final MongoTemplate mongo;
    private final Clock clock;

    PhotoStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Stores the non-empty files; refuses a type that is neither a photo nor a PDF. */
    public List<StoredPhoto> store(String caseId, List<MultipartFile> files, String userId) {
        List<StoredPhoto> stored = new ArrayList<>();
        if (files == null) {
            return stored;
        }
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            try {
                byte[] data = file.getBytes();
                // the type comes from the content (magic bytes), never from the name or the declared type
                String type = FileKind.of(data).filter(ACCEPTED::contains).orElseThrow(() -> new IllegalArgumentException(
                        "only photos (JPEG, PNG, WebP, HEIC) or PDF records: " + safeName(file.getOriginalFilename())));
                StoredPhoto photo = new StoredPhoto(UUID.randomUUID().toString(), caseId, safeName(file.getOriginalFilename()), type,
                        data.length, data, userId, clock.instant());
                mongo.insert(photo, COLLECTION);
                stored.add(photo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored;
    }

    @Override
    public boolean storedFor(String caseId, String uploadId) {
        return mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(uploadId).and("caseId").is(caseId)), COLLECTION);
    }

    public Optional<StoredPhoto> find(String id) {
        return Optional.ofNullable(mongo.findById(id, StoredPhoto.class, COLLECTION));
    }

    /** Drops uploads whose action was refused, so nothing unreferenced stays behind. */
    public void discard(List<StoredPhoto> photos) {
        photos.forEach(p -> mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(p.id())), COLLECTION));
    }

    static String safeName(String original) {
        String name = original == null ? "upload" : original.replaceAll(".*[/\\\\]", "");
        name = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return name.isBlank() ? "upload" : name.substring(0, Math.min(name.length(), 80));
    }
}

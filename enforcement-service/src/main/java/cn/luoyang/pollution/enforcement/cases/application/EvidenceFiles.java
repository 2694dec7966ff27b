package cn.luoyang.pollution.enforcement.cases.application;

import cn.luoyang.pollution.enforcement.cases.EvidenceFile;
import java.util.List;
import java.util.Optional;

/** Where the files uploaded to cases (取证材料) are kept, with their bytes; the store's adapter is in persistence/. */
public interface EvidenceFiles {

    /** Knows no uploads and keeps none (services built without a store): every upload reference is refused. */
    EvidenceFiles NONE = new EvidenceFiles() {
        @Override
        public long maxBytes() {
            return 0;
        }

        @Override
        public void save(EvidenceFile file, byte[] content) {
            throw new IllegalStateException("no evidence store");
        }

        @Override
        public Optional<EvidenceFile> find(String caseId, String uploadId) {
            return Optional.empty();
        }

        @Override
        public List<EvidenceFile> of(String caseId) {
            return List.of();
        }

        @Override
        public Optional<byte[]> content(String uploadId) {
            return Optional.empty();
        }

        @Override
        public Optional<EvidenceFile> byId(String uploadId) {
            return Optional.empty();
        }

        @Override
        public void discard(String uploadId) {
        }
    };

    /** The largest file the store takes (the property {@code console.max-upload-bytes}). */
    long maxBytes();

    void save(EvidenceFile file, byte[] content);

    /** The file {@code uploadId}, only when it was uploaded to {@code caseId}. */
    Optional<EvidenceFile> find(String caseId, String uploadId);

    Optional<EvidenceFile> byId(String uploadId);

    /** Every file uploaded to the case, oldest first. */
    List<EvidenceFile> of(String caseId);

    Optional<byte[]> content(String uploadId);

    /** Drops an upload whose action was refused, so nothing unreferenced stays behind. */
    void discard(String uploadId);
}

package cn.luoyang.pollution.enforcement.console.evidence;

import java.time.Instant;

/** An uploaded photo or record (取证材料) kept for a case; its reference goes into the signed history. */
public record StoredPhoto(String id, String caseId, String filename, String contentType, long size, byte[] data,
        String uploadedBy, Instant uploadedAt) {

    public static final String PREFIX = cn.luoyang.pollution.enforcement.cases.application.EvidenceFiles.PREFIX;

    /** What the history entry carries, e.g. {@code evidence/6f1c.../site-photo.jpg}. */
    public String reference() {
        return PREFIX + id + "/" + filename;
    }

    /** The id inside a reference, or null when the reference is not an upload (e.g. a record number). */
    public static String idOf(String reference) {
        return cn.luoyang.pollution.enforcement.cases.application.EvidenceFiles.uploadIdOf(reference);
    }
}

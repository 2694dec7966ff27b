package cn.luoyang.pollution.enforcement.console.evidence;

import java.time.Instant;

/** An uploaded photo or record (取证材料) kept for a case; its reference goes into the signed history. */
public record StoredPhoto(String id, String caseId, String filename, String contentType, long size, byte[] data,
        String uploadedBy, Instant uploadedAt) {

    public static final String PREFIX = "evidence/";

    /** What the history entry carries, e.g. {@code evidence/6f1c.../site-photo.jpg}. */
    public String reference() {
        return PREFIX + id + "/" + filename;
    }

    /** The id inside a reference, or null when the reference is not an upload (e.g. a record number). */
    public static String idOf(String reference) {
        if (reference == null || !reference.startsWith(PREFIX)) {
            return null;
        }
        String rest = reference.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}

package cn.luoyang.pollution.enforcement.cases;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An uploaded evidence file (取证照片/视频/文书) of one case: what it is by its bytes ({@link FileKind}),
 * its size and SHA-256 (so that what the verifier saw is what was stored), who uploaded it and when.
 * The bytes themselves are kept by the store, not in the case.
 */
public record EvidenceFile(String uploadId, String caseId, String name, FileKind kind, long size, String sha256,
        String uploadedBy, Instant uploadedAt) {

    /** What a closure request and the history carry, e.g. {@code evidence/6f1c…/site-photo.jpg}. */
    public static final String PREFIX = "evidence/";

    /**
     * Checks an upload by its content and by what it claims: refused when the bytes are none of the
     * accepted kinds, when the name's extension or the declared type names another kind, or when it
     * is larger than {@code maxBytes}.
     */
    public static EvidenceFile check(String uploadId, String caseId, String name, String declaredType, byte[] content,
            long maxBytes, String uploadedBy, Instant at) {
        if (content == null || content.length == 0) {
            throw new InvalidEvidenceFile("the file is empty");
        }
        if (content.length > maxBytes) {
            throw new InvalidEvidenceFile("the file is larger than " + maxBytes + " bytes");
        }
        FileKind kind = FileKind.of(content).orElseThrow(() -> new InvalidEvidenceFile(
                "the file is not a complete JPEG, PNG, PDF or MP4: " + name));
        if (!kind.matchesName(name) || !kind.matchesType(declaredType)) {
            throw new InvalidEvidenceFile("the file's name or type does not match its content (" + kind + "): " + name);
        }
        return new EvidenceFile(uploadId, caseId, name, kind, content.length, sha256(content), uploadedBy, at);
    }

    public String reference() {
        return PREFIX + uploadId + "/" + name;
    }

    /** The upload id inside a reference, or null when the text is not an upload reference (free text, a record number). */
    public static String uploadIdOf(String reference) {
        if (reference == null || !reference.startsWith(PREFIX) || reference.length() == PREFIX.length()) {
            return null;
        }
        String rest = reference.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    public boolean picture() {
        return kind == FileKind.JPEG || kind == FileKind.PNG;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

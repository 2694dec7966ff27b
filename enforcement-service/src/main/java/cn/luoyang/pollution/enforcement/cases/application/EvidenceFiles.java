package cn.luoyang.pollution.enforcement.cases.application;

/**
 * The files uploaded to cases (取证材料), as far as the case verbs need them: does an upload
 * reference ({@code evidence/<id>/<name>}) point at a file stored for this case?
 */
public interface EvidenceFiles {

    String PREFIX = "evidence/";

    /** Knows no uploads: every upload reference is refused (services built without a store). */
    EvidenceFiles NONE = (caseId, uploadId) -> false;

    boolean storedFor(String caseId, String uploadId);

    /** The upload id inside a reference, or null when the reference is not an upload (e.g. a record number). */
    static String uploadIdOf(String reference) {
        if (reference == null || !reference.startsWith(PREFIX)) {
            return null;
        }
        String rest = reference.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}

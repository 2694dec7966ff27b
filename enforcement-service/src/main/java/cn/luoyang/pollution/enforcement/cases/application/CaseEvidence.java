package cn.luoyang.pollution.enforcement.cases.application;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.cases.EvidenceFile;
import cn.luoyang.pollution.enforcement.officers.CaseAccess;
import cn.luoyang.pollution.enforcement.officers.Officer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * 取证材料: uploading a file to a case (checked by its content, {@link EvidenceFile#check}), listing a
 * case's files and reading one, for the REST API and the console alike. Whoever may work on the case
 * uploads ({@link CaseAccess#requireEvidenceUploader}); whoever may see it reads.
 */
public class CaseEvidence {

    private final Cases cases;
    private final EvidenceFiles files;
    private final Clock clock;

    public CaseEvidence(Cases cases, EvidenceFiles files, Clock clock) {
        this.cases = cases;
        this.files = files;
        this.clock = clock;
    }

    public EvidenceFile upload(Officer officer, String caseId, String filename, String declaredType, byte[] content) {
        Case c = cases.find(caseId).orElseThrow(() -> new CaseNotFound(caseId));
        CaseAccess.requireEvidenceUploader(officer, c);
        EvidenceFile file = EvidenceFile.check(UUID.randomUUID().toString(), caseId, safeName(filename), declaredType, content,
                files.maxBytes(), officer.userId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        files.save(file, content);
        return file;
    }

    public List<EvidenceFile> of(Officer officer, String caseId) {
        Case c = cases.find(caseId).orElseThrow(() -> new CaseNotFound(caseId));
        CaseAccess.requireView(officer, c);
        return files.of(caseId);
    }

    /** The file and its bytes, for whoever may see its case (anyone else: not found). */
    public Opened open(Officer officer, String uploadId) {
        EvidenceFile file = files.byId(uploadId).orElseThrow(() -> new CaseNotFound("evidence " + uploadId));
        Case c = cases.find(file.caseId()).orElseThrow(() -> new CaseNotFound(file.caseId()));
        CaseAccess.requireView(officer, c);
        byte[] bytes = files.content(uploadId).orElseThrow(() -> new CaseNotFound("evidence " + uploadId));
        return new Opened(file, bytes);
    }

    /** Drops uploads whose action was refused (the console's forms upload with the action). */
    public void discard(List<EvidenceFile> uploaded) {
        uploaded.forEach(f -> files.discard(f.uploadId()));
    }

    public record Opened(EvidenceFile file, byte[] content) {
    }

    /** The name without its path or characters a header or a page could misread. */
    static String safeName(String original) {
        String name = original == null ? "upload" : original.replaceAll(".*[/\\\\]", "");
        name = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return name.isBlank() ? "upload" : name.substring(0, Math.min(name.length(), 80));
    }
}

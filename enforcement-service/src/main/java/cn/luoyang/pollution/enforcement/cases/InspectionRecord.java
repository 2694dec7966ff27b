package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * 现场检查笔录: the written record of an inspection, by its number, with the person who signed it
 * (谁检查谁签字), when, and what was found. Cited as closure evidence, its signer may not approve
 * that closure.
 */
public record InspectionRecord(String number, String signedBy, Instant signedAt, String findings) {

    /** The signing time to the millisecond, as it is stored and as the service's clock reads "now". */
    public InspectionRecord {
        signedAt = signedAt == null ? null : signedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Refuses a record without number, signer, time or findings, or signed outside the case's life. */
    void requireComplete(Instant caseOpenedAt, Instant now) {
        if (blank(number)) {
            throw new EvidenceRequired("inspectionRecord.number", "an inspection record needs its number");
        }
        if (blank(signedBy)) {
            throw new EvidenceRequired("inspectionRecord.signedBy", "an inspection record needs the person who signed it");
        }
        if (signedAt == null) {
            throw new EvidenceRequired("inspectionRecord.signedAt", "an inspection record needs the time it was signed");
        }
        if (signedAt.isAfter(now) || (caseOpenedAt != null && signedAt.isBefore(caseOpenedAt))) {
            throw new EvidenceRequired("inspectionRecord.signedAt", "an inspection record must be signed while the case is open");
        }
        if (blank(findings)) {
            throw new EvidenceRequired("inspectionRecord.findings", "an inspection record needs its findings");
        }
    }

    /** What the history and the events carry. */
    public String reference() {
        return "inspection-record/" + number + " signed by " + signedBy;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

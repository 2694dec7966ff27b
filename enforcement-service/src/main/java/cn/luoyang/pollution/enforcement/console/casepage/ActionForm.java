package cn.luoyang.pollution.enforcement.console.casepage;

import cn.luoyang.pollution.enforcement.cases.InspectionRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/**
 * Every field any action form on the case page may send; each verb reads the ones it needs.
 * {@code evidenceText} holds references typed by hand (record numbers), one per line or comma;
 * the closure form instead cites {@code files} (references of the case's uploads, ticked) and the
 * inspection record's {@code record*} fields ({@code recordSignedAt} in Luoyang local time).
 */
public record ActionForm(String note, String reasonCode, String reason, String deadline, String kind,
        BigDecimal amountYuan, String decisionNumber, String reply, String outcome, Integer days, Boolean approve,
        Boolean resolved, String evidenceText, List<MultipartFile> photos, List<String> files, String recordNumber,
        String recordSigner, String recordSignedAt, String recordFindings) {

    /** The ticked uploads of the case (never null). */
    public List<String> chosenFiles() {
        return files == null ? new ArrayList<>() : new ArrayList<>(files.stream().filter(f -> f != null && !f.isBlank()).toList());
    }

    /** The cited inspection record, or null when none of its fields was filled in (a half-filled one is refused by the case). */
    public InspectionRecord inspectionRecord(ZoneId zone) {
        if (blank(recordNumber) && blank(recordSigner) && blank(recordSignedAt) && blank(recordFindings)) {
            return null;
        }
        Instant signedAt = null;
        if (!blank(recordSignedAt)) {
            try {
                signedAt = LocalDateTime.parse(recordSignedAt).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("unreadable signing time " + recordSignedAt);
            }
        }
        return new InspectionRecord(trim(recordNumber), trim(recordSigner), signedAt, trim(recordFindings));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    public List<String> typedEvidence() {
        if (evidenceText == null || evidenceText.isBlank()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(Arrays.stream(evidenceText.split("[,，\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
}

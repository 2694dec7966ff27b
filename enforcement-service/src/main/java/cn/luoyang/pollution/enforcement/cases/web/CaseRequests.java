package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.enforcement.cases.Penalty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Request bodies of the case verbs; field-level messages come back with a 400. */
final class CaseRequests {

    record Note(String note) {
    }

    record Return(@NotBlank String reasonCode, @NotBlank String reason) {
    }

    record Evidence(@NotEmpty List<@NotBlank String> evidence, String note) {
    }

    record OptionalEvidence(List<String> evidence, String note) {
    }

    record Rectification(@NotNull Instant deadline, @NotEmpty List<@NotBlank String> evidence, String note) {
    }

    record RectificationCheckFinding(@NotNull Boolean rectified, @NotEmpty List<@NotBlank String> evidence, String note) {
    }

    record PenaltyRequest(@NotNull Penalty.Kind kind, @Positive BigDecimal amountYuan, String decisionNumber,
            @NotEmpty List<@NotBlank String> evidence, String note) {
    }

    /**
     * 申请办结: {@code evidence} lists references of files uploaded to this case ({@code evidence/<id>/<name>},
     * as the upload answered); {@code inspectionRecord} cites a signed inspection record. At least one of them.
     */
    record Close(@NotBlank String reply, String outcome, List<String> evidence, @Valid InspectionRecordBody inspectionRecord) {
    }

    /** 现场检查笔录 as cited in a closure request. */
    record InspectionRecordBody(@NotBlank String number, @NotBlank String signedBy, @NotNull Instant signedAt,
            @NotBlank String findings) {

        cn.luoyang.pollution.enforcement.cases.InspectionRecord toRecord() {
            return new cn.luoyang.pollution.enforcement.cases.InspectionRecord(number, signedBy, signedAt, findings);
        }
    }

    record ClosureDecision(@NotNull Boolean approve, String note) {
    }

    record Contribution(@NotBlank String note, List<String> evidence) {
    }

    record ExtensionRequest(@Positive @Max(30) int days, @NotBlank String reason) {
    }

    record ExtensionDecision(@NotNull Boolean approve, String note) {
    }

    record Reason(@NotBlank String reason) {
    }

    record ReinspectionFinding(@NotNull Boolean resolved, @NotEmpty List<@NotBlank String> evidence, String note) {
    }

    private CaseRequests() {
    }
}

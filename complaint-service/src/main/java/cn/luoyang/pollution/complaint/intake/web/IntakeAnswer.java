package cn.luoyang.pollution.complaint.intake.web;

import cn.luoyang.pollution.complaint.intake.Registration;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the reporter gets back: the tracking number to quote and to look the complaint up with, and, for a
 * reporter who asked for a reward and left no phone, the claim code (领奖凭证) to claim it with once the report
 * proves true. The code is in this answer only (it is not kept), so it is absent from a retry's answer.
 */
public record IntakeAnswer(String complaintId, String trackingNumber, String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String claimCode) {

    static IntakeAnswer of(Registration r) {
        var c = r.complaint();
        return new IntakeAnswer(c.id(), c.trackingNumber(), c.progress().status().name(), r.claimCode());
    }

    @Override
    public String toString() {
        return "IntakeAnswer[" + trackingNumber + ", " + status + (claimCode != null ? ", with a claim code" : "") + "]";
    }
}

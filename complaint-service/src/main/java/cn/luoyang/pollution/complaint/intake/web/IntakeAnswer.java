package cn.luoyang.pollution.complaint.intake.web;

import cn.luoyang.pollution.complaint.intake.Complaint;

/** What the reporter gets back: the tracking number to quote and to look the complaint up with. */
public record IntakeAnswer(String complaintId, String trackingNumber, String status) {

    static IntakeAnswer of(Complaint c) {
        return new IntakeAnswer(c.id(), c.trackingNumber(), c.progress().status().name());
    }
}

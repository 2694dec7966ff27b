package cn.luoyang.pollution.complaint.intake;

/** The answer to a submission: the complaint, and whether this delivery created it or repeated an earlier one. */
public record Registration(Complaint complaint, boolean repeated) {
}

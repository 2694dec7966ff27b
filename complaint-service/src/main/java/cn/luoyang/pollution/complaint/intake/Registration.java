package cn.luoyang.pollution.complaint.intake;

/**
 * The answer to a submission: the complaint, and whether this delivery created it or repeated an earlier one.
 *
 * @param claimCode the claim code (领奖凭证) to show the filer once, when they asked for a reward and left no phone
 *                  and this delivery created the complaint; null otherwise (it is not kept, so a repeat has none)
 */
public record Registration(Complaint complaint, boolean repeated, String claimCode) {

    public Registration(Complaint complaint, boolean repeated) {
        this(complaint, repeated, null);
    }

    @Override
    public String toString() {
        return "Registration[" + complaint.trackingNumber() + (repeated ? ", repeated" : "")
                + (claimCode != null ? ", with a claim code" : "") + "]";
    }
}

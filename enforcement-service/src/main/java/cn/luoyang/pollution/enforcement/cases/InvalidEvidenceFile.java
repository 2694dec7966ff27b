package cn.luoyang.pollution.enforcement.cases;

/** An upload refused as evidence: not a JPEG, PNG, PDF or MP4 by its bytes, not what its name or type says, or too large. */
public class InvalidEvidenceFile extends IllegalArgumentException {

    public InvalidEvidenceFile(String message) {
        super(message);
    }
}

package cn.luoyang.pollution.enforcement.cases;

/**
 * A closure asked for without evidence that stands (办结无据): no file and no inspection record, or a
 * record without its number, signer, time or findings, or a file of another case. The API answers 400
 * naming {@link #field()}; the console puts the refusal beside the field.
 */
public class EvidenceRequired extends CaseRuleViolation {

    private final String field;

    public EvidenceRequired(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

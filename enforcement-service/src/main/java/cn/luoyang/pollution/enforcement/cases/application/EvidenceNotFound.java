package cn.luoyang.pollution.enforcement.cases.application;

/** An evidence reference that claims an upload no file of this case answers to (HTTP 400, with the field). */
public class EvidenceNotFound extends IllegalArgumentException {

    private final String field;

    public EvidenceNotFound(String field, String reference) {
        super("no file uploaded to this case answers to " + reference);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

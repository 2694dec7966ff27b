package cn.luoyang.pollution.enforcement.cases.application;

/**
 * A closure's evidence item that no file uploaded to this case answers to: free text, a file name, an
 * upload of another case (HTTP 400 {@code evidence-not-found}, naming the field {@code evidence[i]}).
 */
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

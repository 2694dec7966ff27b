package cn.luoyang.pollution.enforcement.statistics;

/** A report parameter out of range (a 400 naming the parameter). */
public class InvalidReportRequest extends IllegalArgumentException {

    private final String field;

    public InvalidReportRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import java.util.List;

/** A report broke one or more intake rules; each error names the field and what to fix. */
public class InvalidComplaintException extends RuntimeException {

    private final String reason;
    private final List<FieldError> errors;

    public InvalidComplaintException(String reason, List<FieldError> errors) {
        super(reason + ": " + errors.stream().map(e -> e.field() + " " + e.message()).toList());
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    public InvalidComplaintException(List<FieldError> errors) {
        this("validation", errors);
    }

    /** A countable code: {@code validation}, {@code malformed-json}, {@code malformed-utf8}, {@code too-large}, {@code operator-injection}. */
    public String reason() {
        return reason;
    }

    public List<FieldError> errors() {
        return errors;
    }
}

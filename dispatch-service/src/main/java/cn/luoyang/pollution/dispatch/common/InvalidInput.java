package cn.luoyang.pollution.dispatch.common;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import java.util.List;

/** A request broke one or more rules; each is named by its field so a person can fix it (HTTP 400). */
public class InvalidInput extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

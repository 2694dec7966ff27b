package cn.luoyang.pollution.complaint.intake.web;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import java.util.List;

/** The error answer of the native API: {@code {"status":400,"reason":"validation","errors":[{"field":..,"message":..}]}}. */
public record ErrorBody(int status, String reason, List<FieldError> errors) {

    public static ErrorBody of(int status, String reason, String field, String message) {
        return new ErrorBody(status, reason, List.of(new FieldError(field, message)));
    }
}

package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.CaseRuleViolation;
import cn.luoyang.pollution.enforcement.officers.AccessDenied;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain refusals to HTTP: not yours 403, unknown 404, not allowed now 409, bad input 400 with field messages. */
@RestControllerAdvice(basePackages = "cn.luoyang.pollution.enforcement")
class ApiErrors {

    record FieldMessage(String field, String message) {
    }

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<Map<String, Object>> denied(AccessDenied e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(CaseNotFound.class)
    ResponseEntity<Map<String, Object>> notFound(CaseNotFound e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(CaseRuleViolation.class)
    ResponseEntity<Map<String, Object>> refused(CaseRuleViolation e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
        List<FieldMessage> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldMessage(f.getField(), f.getDefaultMessage())).toList();
        return error(HttpStatus.BAD_REQUEST, "invalid request", fields);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "unreadable request: " + e.getMessage(), List.of());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, List<FieldMessage> fields) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message, "fields", fields));
    }
}

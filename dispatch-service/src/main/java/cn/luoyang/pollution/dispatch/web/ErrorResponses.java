package cn.luoyang.pollution.dispatch.web;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.dispatch.common.Conflict;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps domain failures to HTTP: 400 with field-level messages, 404, 409. */
@RestControllerAdvice
public class ErrorResponses {

    /** The body of every error answer. */
    public record ErrorBody(int status, String message, List<FieldError> errors) {
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ErrorBody> invalid(InvalidInput e) {
        return ResponseEntity.badRequest().body(new ErrorBody(400, "invalid request", e.errors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause().getMessage();
        return ResponseEntity.badRequest().body(new ErrorBody(400, "unreadable request body",
                List.of(new FieldError("body", detail == null ? "malformed JSON" : firstLine(detail)))));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ErrorBody> parameter(Exception e) {
        String field = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
                : ((MethodArgumentTypeMismatchException) e).getName();
        return ResponseEntity.badRequest().body(new ErrorBody(400, "invalid request", List.of(new FieldError(field, firstLine(e.getMessage())))));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ErrorBody> notFound(NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(404, e.getMessage(), List.of()));
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ErrorBody> conflict(Conflict e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(409, e.getMessage(), List.of()));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}

package cn.luoyang.pollution.kit.problems;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of every service's API error handler: Spring MVC's own failures (unreadable body, missing or
 * mistyped parameter, failed bean validation, unsupported media type, …) become {@link Problems} bodies
 * with the {@code reason} and {@code errors} members. A service extends it with a
 * {@code @RestControllerAdvice} scoped to its API packages and adds handlers for its domain refusals
 * (each answering through {@link Problems}), so that HTML pages such as the web console keep their own.
 */
public abstract class ApiProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), String.valueOf(f.getDefaultMessage()))).toList();
        return answer(Problems.invalid("validation", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause.getMessage() == null ? "malformed JSON" : firstLine(cause.getMessage());
        return answer(Problems.invalid("unreadable", List.of(new FieldError("body", message))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(Problems.invalid("validation", List.of(new FieldError(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : String.valueOf(e.getPropertyName());
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return answer(Problems.invalid("validation", List.of(new FieldError(field, "must be " + expected))));
    }

    /** Every other MVC failure keeps Spring's status and detail, with a reason derived from the status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String reason = known == null ? "error" : known.name().toLowerCase().replace('_', '-');
            ProblemDetail uniform = Problems.body(status, reason, problem.getDetail(), List.of());
            return ResponseEntity.status(status).headers(headers).body(uniform);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> answer(ResponseEntity<ProblemDetail> problem) {
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}

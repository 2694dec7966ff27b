package cn.luoyang.pollution.kit.problems;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one error body of every service's HTTP API: RFC 9457 problem details ({@code application/problem+json}),
 * with two extension members that clients read field by field:
 * <pre>{@code
 * {"type":"urn:luoyang:problem:validation","title":"Bad Request","status":400,
 *  "detail":"the report has 2 invalid fields","reason":"validation",
 *  "errors":[{"field":"category","message":"unknown category 'AIR_SMOG'; …"}]}
 * }</pre>
 * {@code reason} is a short stable code a program can branch on (the {@code type} URI ends with it);
 * {@code errors} names each broken field. Open311 keeps the GeoReport v2 error format instead.
 */
public final class Problems {

    /** Extension member: the stable code of the problem. */
    public static final String REASON = "reason";
    /** Extension member: the field-level errors. */
    public static final String ERRORS = "errors";
    private static final String TYPE_PREFIX = "urn:luoyang:problem:";

    private Problems() {
    }

    /** A problem body with its field errors. */
    public static ProblemDetail body(HttpStatusCode status, String reason, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + reason));
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known != null) {
            problem.setTitle(known.getReasonPhrase());
        }
        problem.setProperty(REASON, reason);
        problem.setProperty(ERRORS, List.copyOf(errors));
        return problem;
    }

    /** The answer carrying {@link #body}. */
    public static ResponseEntity<ProblemDetail> of(HttpStatusCode status, String reason, String detail, List<FieldError> errors) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(status, reason, detail, errors));
    }

    /** A problem without field errors (not found, conflict, forbidden). */
    public static ResponseEntity<ProblemDetail> of(HttpStatusCode status, String reason, String detail) {
        return of(status, reason, detail, List.of());
    }

    /** A problem naming one field. */
    public static ResponseEntity<ProblemDetail> field(HttpStatusCode status, String reason, String field, String message) {
        return of(status, reason, message, List.of(new FieldError(field, message)));
    }

    /** A 400 naming the broken fields, with a detail that counts them. */
    public static ResponseEntity<ProblemDetail> invalid(String reason, List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " invalid fields";
        return of(HttpStatus.BAD_REQUEST, reason, detail, errors);
    }
}

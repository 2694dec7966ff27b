package cn.luoyang.pollution.complaint.intake.web;

import cn.luoyang.pollution.complaint.intake.InvalidComplaintException;
import cn.luoyang.pollution.complaint.intake.TicketConflictException;
import cn.luoyang.pollution.kit.problems.ApiProblems;
import cn.luoyang.pollution.kit.problems.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps intake failures to 4xx problem details with field-level messages (the kit's one error body). */
@RestControllerAdvice(basePackages = {"cn.luoyang.pollution.complaint.intake", "cn.luoyang.pollution.complaint.tracking",
        "cn.luoyang.pollution.complaint.media", "cn.luoyang.pollution.complaint.publication"})
class IntakeErrors extends ApiProblems {

    @ExceptionHandler(InvalidComplaintException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidComplaintException e) {
        int status = switch (e.reason()) {
            case "too-large" -> 413;
            case "unsupported-media-type" -> 415;
            default -> 400;
        };
        String detail = e.errors().size() == 1 ? e.errors().get(0).field() + ": " + e.errors().get(0).message()
                : e.errors().size() + " invalid fields";
        return Problems.of(HttpStatusCode.valueOf(status), e.reason(), detail, e.errors());
    }

    @ExceptionHandler(TicketConflictException.class)
    ResponseEntity<ProblemDetail> conflict(TicketConflictException e) {
        return Problems.field(HttpStatus.UNPROCESSABLE_ENTITY, "ticket-conflict",
                "Idempotency-Key", "was already used for a different report; use a new key for a new report");
    }
}

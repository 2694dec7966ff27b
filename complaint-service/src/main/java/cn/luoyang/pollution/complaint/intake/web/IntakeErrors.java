package cn.luoyang.pollution.complaint.intake.web;

import cn.luoyang.pollution.complaint.intake.InvalidComplaintException;
import cn.luoyang.pollution.complaint.intake.TicketConflictException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps intake failures to 4xx answers with field-level messages. */
@RestControllerAdvice(basePackages = {"cn.luoyang.pollution.complaint.intake", "cn.luoyang.pollution.complaint.tracking",
        "cn.luoyang.pollution.complaint.media"})
class IntakeErrors {

    @ExceptionHandler(InvalidComplaintException.class)
    ResponseEntity<ErrorBody> invalid(InvalidComplaintException e) {
        int status = switch (e.reason()) {
            case "too-large" -> 413;
            case "unsupported-media-type" -> 415;
            default -> 400;
        };
        return ResponseEntity.status(status).body(new ErrorBody(status, e.reason(), e.errors()));
    }

    @ExceptionHandler(TicketConflictException.class)
    ResponseEntity<ErrorBody> conflict(TicketConflictException e) {
        return ResponseEntity.status(422).body(ErrorBody.of(422, "ticket-conflict",
                "Idempotency-Key", "was already used for a different report; use a new key for a new report"));
    }
}

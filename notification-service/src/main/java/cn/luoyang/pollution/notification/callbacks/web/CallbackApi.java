package cn.luoyang.pollution.notification.callbacks.web;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import cn.luoyang.pollution.kit.problems.Problems;
import cn.luoyang.pollution.kit.security.Caller;
import cn.luoyang.pollution.kit.security.Callers;
import cn.luoyang.pollution.kit.security.Roles;
import cn.luoyang.pollution.notification.callbacks.CallbackRefused;
import cn.luoyang.pollution.notification.callbacks.CallbackTask;
import cn.luoyang.pollution.notification.callbacks.Worklist;
import cn.luoyang.pollution.notification.survey.Rating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback worklist for hotline operators: open tasks with masked numbers, take, reveal (to the
 * taker only, never cached), record the outcome. The operator is the signed-in caller, or the operator
 * the console's service account names in {@code X-On-Behalf-Of} (service-kit {@link Callers}).
 */
@RestController
@RequestMapping("/api/callbacks")
class CallbackApi {

    private static final int MAX_LIMIT = 500;
    private static final int MAX_NOTE = 500;

    /** A task as operators see it: never the number. */
    record TaskView(String id, String complaintId, String caseId, String trackingNumber, String milestone,
            String maskedPhone, String script, String why, String state, int tries, String takenBy, Instant notBefore,
            String rating) {

        static TaskView of(CallbackTask t) {
            return new TaskView(t.id(), t.complaintId(), t.caseId(), t.trackingNumber(), t.milestone().name(),
                    t.maskedPhone(), t.script(), t.why(), t.state().name(), t.tries(), t.takenBy(), t.notBefore(),
                    t.rating() == null ? null : t.rating().name());
        }
    }

    /** The number, for the operator holding the task. */
    record Revealed(String taskId, String phone) {
    }

    /** What the call came to; {@code rating} is 1, 2 or 3 with ANSWERED only. */
    record OutcomeRequest(String outcome, String rating, String note) {
    }

    private final Worklist worklist;

    CallbackApi(Worklist worklist) {
        this.worklist = worklist;
    }

    @GetMapping
    ResponseEntity<?> open(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Problems.field(HttpStatus.BAD_REQUEST, "validation", "limit", "must be between 1 and " + MAX_LIMIT);
        }
        return ResponseEntity.ok(worklist.open(limit).stream().map(TaskView::of).toList());
    }

    /** The caller's own taken tasks, not finished yet: where a reveal and an outcome are due. */
    @GetMapping("/mine")
    ResponseEntity<?> mine(@RequestParam(defaultValue = "100") int limit, Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Problems.field(HttpStatus.BAD_REQUEST, "validation", "limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (serviceForNobody(caller)) {
            return forNobody();
        }
        return ResponseEntity.ok(worklist.heldBy(caller.name(), limit).stream().map(TaskView::of).toList());
    }

    @PostMapping("/{id}/take")
    ResponseEntity<?> take(@PathVariable String id, Caller caller) {
        if (serviceForNobody(caller)) {
            return forNobody();
        }
        return ResponseEntity.ok(TaskView.of(worklist.take(id, caller.name())));
    }

    @PostMapping("/{id}/reveal")
    ResponseEntity<?> reveal(@PathVariable String id, Caller caller) {
        if (serviceForNobody(caller)) {
            return forNobody();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Revealed(id, worklist.reveal(id, caller.name())));
    }

    @PostMapping("/{id}/outcome")
    ResponseEntity<?> outcome(@PathVariable String id, @RequestBody(required = false) OutcomeRequest body,
            Caller caller) {
        if (serviceForNobody(caller)) {
            return forNobody();
        }
        List<FieldError> errors = new ArrayList<>();
        CallbackOutcome outcome = null;
        Rating rating = null;
        if (body == null || body.outcome() == null || body.outcome().isBlank()) {
            errors.add(new FieldError("outcome", "must be ANSWERED, REACHED, NOT_REACHED or REFUSED"));
        } else {
            try {
                outcome = CallbackOutcome.valueOf(body.outcome().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("outcome", "must be ANSWERED, REACHED, NOT_REACHED or REFUSED"));
            }
        }
        if (body != null && body.rating() != null) {
            rating = Rating.ofDigit(body.rating().strip()).orElse(null);
            if (rating == null) {
                errors.add(new FieldError("rating", "must be 1, 2 or 3"));
            }
        }
        if (body != null && body.note() != null && body.note().length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            return Problems.invalid("validation", errors);
        }
        return ResponseEntity.ok(TaskView.of(worklist.record(id, caller.name(), outcome, rating,
                body.note() == null ? null : body.note().strip())));
    }

    /** A platform service (the console) may work a task only in the name of the operator it acts for. */
    private static boolean serviceForNobody(Caller caller) {
        return caller.has(Roles.SERVICE) && caller.via() == null;
    }

    private static ResponseEntity<?> forNobody() {
        return Problems.field(HttpStatus.BAD_REQUEST, "validation", Callers.ON_BEHALF_OF,
                "a service must name the operator it acts for");
    }

    @ExceptionHandler(CallbackRefused.class)
    ResponseEntity<?> refused(CallbackRefused e) {
        return switch (e.kind()) {
            case NOT_FOUND -> Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
            case NOT_YOURS -> Problems.of(HttpStatus.FORBIDDEN, "not-your-task", e.getMessage());
            case TAKEN_BY_OTHER -> Problems.of(HttpStatus.CONFLICT, "taken", e.getMessage());
            case FINISHED -> Problems.of(HttpStatus.CONFLICT, "finished", e.getMessage());
            case INVALID -> Problems.field(HttpStatus.BAD_REQUEST, "validation", e.field(), e.getMessage());
        };
    }
}

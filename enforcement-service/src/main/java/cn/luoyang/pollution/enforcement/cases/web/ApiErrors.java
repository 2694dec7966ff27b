package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.CaseRuleViolation;
import cn.luoyang.pollution.enforcement.cases.EvidenceRequired;
import cn.luoyang.pollution.enforcement.cases.InvalidEvidenceFile;
import cn.luoyang.pollution.enforcement.cases.application.EvidenceNotFound;
import cn.luoyang.pollution.enforcement.officers.AccessDenied;
import cn.luoyang.pollution.kit.problems.ApiProblems;
import cn.luoyang.pollution.kit.problems.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Domain refusals of the handler API to problem details (the kit's one error body): not yours 403, unknown 404,
 * not allowed now 409, bad input 400 with field messages. Only REST controllers: the console has its own pages.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ApiProblems {

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<ProblemDetail> denied(AccessDenied e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(CaseNotFound.class)
    ResponseEntity<ProblemDetail> notFound(CaseNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(CaseRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(CaseRuleViolation e) {
        return Problems.of(HttpStatus.CONFLICT, "refused", e.getMessage());
    }

    @ExceptionHandler(EvidenceRequired.class)
    ResponseEntity<ProblemDetail> evidenceRequired(EvidenceRequired e) {
        return Problems.field(HttpStatus.BAD_REQUEST, "evidence-required", e.field(), e.getMessage());
    }

    @ExceptionHandler(InvalidEvidenceFile.class)
    ResponseEntity<ProblemDetail> invalidFile(InvalidEvidenceFile e) {
        return Problems.field(HttpStatus.BAD_REQUEST, "invalid-file", "file", e.getMessage());
    }

    @ExceptionHandler(EvidenceNotFound.class)
    ResponseEntity<ProblemDetail> evidenceNotFound(EvidenceNotFound e) {
        return Problems.field(HttpStatus.BAD_REQUEST, "evidence-not-found", e.field(), e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> unreadable(IllegalArgumentException e) {
        return Problems.field(HttpStatus.BAD_REQUEST, "unreadable", "body", String.valueOf(e.getMessage()));
    }
}

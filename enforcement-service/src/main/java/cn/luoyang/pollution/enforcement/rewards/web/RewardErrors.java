package cn.luoyang.pollution.enforcement.rewards.web;

import cn.luoyang.pollution.enforcement.rewards.ClaimLocked;
import cn.luoyang.pollution.enforcement.rewards.InvalidAmount;
import cn.luoyang.pollution.enforcement.rewards.WrongClaimCode;
import cn.luoyang.pollution.enforcement.rewards.application.ClaimNotFound;
import cn.luoyang.pollution.kit.problems.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The reward desk's own refusals: unknown claim 404, an amount outside the rule 400 naming
 * {@code amountYuan}; on the public claim, a wrong code or unknown tracking number 403, a locked claim
 * or a client over its limit 429 with {@code Retry-After}. A decided claim is a case-rule refusal (409)
 * handled with the case API's.
 */
@RestControllerAdvice(assignableTypes = {RewardController.class, PublicClaimController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class RewardErrors {

    @ExceptionHandler(ClaimNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ClaimNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(WrongClaimCode.class)
    ResponseEntity<ProblemDetail> wrongCode(WrongClaimCode e) {
        return Problems.of(HttpStatus.FORBIDDEN, "wrong-claim-code", e.getMessage());
    }

    @ExceptionHandler(ClaimLocked.class)
    ResponseEntity<ProblemDetail> locked(ClaimLocked e) {
        return retryAfter(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "claim-locked", e.getMessage()), e.retryAfter().toSeconds());
    }

    @ExceptionHandler(PublicClaimController.TooManyClaims.class)
    ResponseEntity<ProblemDetail> tooMany(PublicClaimController.TooManyClaims e) {
        return retryAfter(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", e.getMessage()), e.seconds);
    }

    private static ResponseEntity<ProblemDetail> retryAfter(ResponseEntity<ProblemDetail> problem, long seconds) {
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem.getBody());
    }

    @ExceptionHandler(InvalidAmount.class)
    ResponseEntity<ProblemDetail> amount(InvalidAmount e) {
        return Problems.field(HttpStatus.BAD_REQUEST, "amount-out-of-range", "amountYuan", e.getMessage());
    }
}
